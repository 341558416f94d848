#include "db/rows.hpp"

#include "db/format.hpp"

namespace db {

void bind_discount(Statement& statement, int first, const pos::Discount& discount) {
    statement.bind(first, discount_kind_text(discount.kind))
        .bind(first + 1, discount.percent.ppm)
        .bind(first + 2, discount.amount_minor)
        .bind(first + 3, discount.reason);
}

pos::Discount read_discount(const Statement& row, int first) {
    pos::Discount discount;
    discount.kind = discount_kind_from(row.column_text(first));
    discount.percent = pos::Rate{row.column_int64(first + 1)};
    discount.amount_minor = row.column_int64(first + 2);
    discount.reason = row.column_text(first + 3);
    return discount;
}

void bind_line_inputs(Statement& statement, int first, const pos::TicketLine& line) {
    statement.bind(first, line.product_id)
        .bind(first + 1, line.code)
        .bind(first + 2, line.name)
        .bind(first + 3, line.department)
        .bind(first + 4, line.tax.code)
        .bind(first + 5, line.tax.name)
        .bind(first + 6, line.tax.rate.ppm)
        .bind(first + 7, unit_text(line.unit))
        .bind(first + 8, line.quantity.milli)
        .bind(first + 9, line.list_price.minor());
    if (line.price_override) {
        statement.bind(first + 10, line.price_override->unit_price_minor)
            .bind(first + 11, line.price_override->approved_by)
            .bind(first + 12, line.price_override->reason);
    } else {
        statement.bind_null(first + 10).bind_null(first + 11).bind_null(first + 12);
    }
    bind_discount(statement, first + 13, line.discount);
    statement.bind(first + 17, line.voided ? 1 : 0);
}

void read_line_inputs(const Statement& row, int first, const pos::Currency& currency,
                      pos::TicketLine& line) {
    line.product_id = row.column_int64(first);
    line.code = row.column_text(first + 1);
    line.name = row.column_text(first + 2);
    line.department = row.column_text(first + 3);
    line.tax = {row.column_text(first + 4), row.column_text(first + 5),
                pos::Rate{row.column_int64(first + 6)}};
    line.unit = unit_from(row.column_text(first + 7));
    line.quantity = pos::Quantity{row.column_int64(first + 8)};
    line.list_price = pos::Money(row.column_int64(first + 9), currency);
    if (row.column_is_null(first + 10)) {
        line.price_override.reset();
    } else {
        pos::PriceOverride price_override;
        price_override.unit_price_minor = row.column_int64(first + 10);
        price_override.approved_by = row.column_int64(first + 11);
        price_override.reason = row.column_text(first + 12);
        line.price_override = price_override;
    }
    line.discount = read_discount(row, first + 13);
    line.voided = row.column_int64(first + 17) != 0;
}

}  // namespace db
