// Golden files under tests/golden/: read, or rewritten first when COUNTER_UPDATE_GOLDEN is set
// (regenerate on purpose, then read the diff).
#pragma once

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

namespace golden {

inline std::string path_of(const std::string& relative) {
    return COUNTER_SOURCE_DIR "/tests/golden/" + relative;
}

inline std::string read(const std::string& relative) {
    std::ifstream in(path_of(relative), std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// What the golden file says `now` should be: `now` itself right after rewriting it on request.
inline std::string expected(const std::string& relative, const std::string& now) {
    if (std::getenv("COUNTER_UPDATE_GOLDEN"))
        std::ofstream(path_of(relative), std::ios::binary) << now;
    return read(relative);
}

}  // namespace golden
