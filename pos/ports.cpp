#include "pos/ports.hpp"

namespace pos {

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
        case EventKind::approval:
            return "approval";
        case EventKind::approval_declined:
            return "approval_declined";
    }
    return "?";
}

}  // namespace pos
