#include "load/dates.h"

#include <cctype>

namespace vitae::load {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

const char* const kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

}  // namespace

bool looks_like_date(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!all_digits(s.substr(0, 4))) return false;
  if (s.size() >= 7 && (s[4] != '-' || !all_digits(s.substr(5, 2)))) return false;
  if (s.size() == 10 && (s[7] != '-' || !all_digits(s.substr(8, 2)))) return false;
  return true;
}

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

std::optional<Date> parse_date(std::string_view s, std::string* error) {
  if (!looks_like_date(s)) {
    if (error) {
      // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on "'" + std::string(...).
      error->assign("'");
      error->append(s);
      error->append("' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
    }
    return std::nullopt;
  }
  Date d;
  d.year = to_int(s.substr(0, 4));
  if (s.size() >= 7) {
    d.month = to_int(s.substr(5, 2));
    if (d.month < 1 || d.month > 12) {
      if (error) *error = "month " + std::to_string(d.month) + " does not exist in '" + std::string(s) + "'";
      return std::nullopt;
    }
  }
  if (s.size() == 10) {
    d.day = to_int(s.substr(8, 2));
    int max_day = days_in_month(d.year, d.month);
    if (d.day < 1 || d.day > max_day) {
      if (error)
        *error = "day " + std::to_string(d.day) + " does not exist in '" + std::string(s) + "': " +
                 kMonthNames[d.month - 1] + " " + std::to_string(d.year) + " has " +
                 std::to_string(max_day) + " days";
      return std::nullopt;
    }
  }
  return d;
}

bool ends_before_start(const Date& start, const Date& end) {
  if (start.present || end.present) return start.present && !end.present;
  if (end.year != start.year) return end.year < start.year;
  if (end.month == 0 || start.month == 0 || end.month != start.month) return end.month != 0 && start.month != 0 && end.month < start.month;
  if (end.day == 0 || start.day == 0) return false;
  return end.day < start.day;
}

}  // namespace vitae::load
