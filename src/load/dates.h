// Calendar dates as RenderCV writes them: "2021", "2021-05", "2021-05-17", and "present".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "vitae/model.h"

namespace vitae::load {

/// True when `s` has the shape YYYY, YYYY-MM or YYYY-MM-DD (digits only), valid or not.
bool looks_like_date(std::string_view s);

/// Parses YYYY, YYYY-MM or YYYY-MM-DD and checks the date exists (leap years included).
/// On failure returns nothing and sets `error` ("month 13 does not exist", ...).
std::optional<Date> parse_date(std::string_view s, std::string* error);

/// Days in `month` (1-12) of `year`, Gregorian calendar.
int days_in_month(int year, int month);

/// True when `end` is before `start`, compared at the precision both give
/// ("2020" is not before "2020-05"; "2020-04" is before "2020-05").
bool ends_before_start(const Date& start, const Date& end);

}  // namespace vitae::load
