#include "pos/ports.hpp"

namespace pos {

std::string_view to_string(Role role) {
    return role == Role::manager ? "manager" : "clerk";
}

std::string_view to_string(EventKind kind) {
    switch (kind) {
        case EventKind::line_void:
            return "line_void";
        case EventKind::ticket_void:
            return "ticket_void";
        case EventKind::no_sale:
            return "no_sale";
        case EventKind::price_override:
            return "price_override";
        case EventKind::suspend:
            return "suspend";
        case EventKind::resume:
            return "resume";
    }
    return "?";
}

}  // namespace pos
