// What-if: for a failed threshold on a count, sum or share, the smallest change in the data
// that would meet it, in the criterion's `what_if` and message.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "eval/test_util.h"

namespace zhuoyue::eval_test {
namespace {

using testing::HasSubstr;
using testing::IsEmpty;

constexpr char kPack[] = R"zy(
table students {
  id: string id
  foreign: bool
  weeks: number >= 0
}
)zy";

// Ten students, of whom `foreign` are foreign; each spent `weeks` weeks in enterprises.
std::string Students(int foreign, int total = 10, int weeks = 4) {
  std::string json = R"({"students": [)";
  for (int i = 0; i < total; ++i) {
    json += (i ? "," : "") + std::string(R"({"id": "S)") + std::to_string(i) + R"(", "foreign": )" +
            (i < foreign ? "true" : "false") + R"(, "weeks": )" + std::to_string(weeks) + "}";
  }
  return json + "]}";
}

TEST(WhatIf, ShareAtLeast) {
  // 2 of 10 foreign against >= 0.25: 3 of 10 would do (0.3), or 2 new foreign students
  // (4/12 = 0.33; one gives 3/11 = 0.27 — also enough).
  Evaluation e =
      RunPack(std::string(kPack) + CriteriaOf({{"ratio(s in students: s.foreign) >= 0.25", ""}}),
              Students(2));
  EXPECT_EQ(e.verdict("1.1"), "not_met");
  EXPECT_EQ(e.criterion("1.1").what_if,
            "what if: 1 more of the 10 satisfying it, or 1 new one that does");
  EXPECT_THAT(e.criterion("1.1").message, HasSubstr("what if: 1 more of the 10"));
}

TEST(WhatIf, ShareAboveNeedsStrictlyMore) {
  // 5 of 10 against > 0.5: 6 of 10, or 2 new ones (7/12; one gives 6/11 = 0.545 — enough).
  Evaluation e =
      RunPack(std::string(kPack) + CriteriaOf({{"ratio(s in students: s.foreign) > 0.5", ""}}),
              Students(5));
  EXPECT_EQ(e.criterion("1.1").what_if,
            "what if: 1 more of the 10 satisfying it, or 1 new one that does");
}

TEST(WhatIf, ShareAtMost) {
  // 6 of 10 against <= 0.3: three fewer.
  Evaluation e =
      RunPack(std::string(kPack) + CriteriaOf({{"ratio(s in students: s.foreign) <= 0.3", ""}}),
              Students(6));
  EXPECT_EQ(e.criterion("1.1").what_if, "what if: 3 fewer of the 10 satisfying it");
}

TEST(WhatIf, CountAndSum) {
  Evaluation e =
      RunPack(std::string(kPack) + CriteriaOf({{"count(s in students where s.foreign) >= 5", ""},
                                               {"sum(s in students: s.weeks) >= 45", ""}}),
              Students(2));
  EXPECT_EQ(e.criterion("1.1").what_if, "what if: 3 more would meet it");
  EXPECT_EQ(e.criterion("1.2").what_if, "what if: 5 more in total would meet it");
}

TEST(WhatIf, NoneWhenMetPendingOrNotComputable) {
  Evaluation e =
      RunPack(std::string(kPack) + CriteriaOf({{"ratio(s in students: s.foreign) >= 0.1", ""},
                                               {"every s in students: s.foreign", ""},
                                               {"ratio(s in students: s.foreign) >= 0.5", ""}}),
              R"({"students": [{"id": "S1", "foreign": true}, {"id": "S2"}]})");
  EXPECT_EQ(e.verdict("1.1"), "met");
  EXPECT_THAT(e.criterion("1.1").what_if, IsEmpty());
  EXPECT_EQ(e.verdict("1.2"), "pending");
  EXPECT_THAT(e.criterion("1.2").what_if, IsEmpty());
  EXPECT_EQ(e.verdict("1.3"), "met");  // 1/2 whatever S2 is
  EXPECT_THAT(e.criterion("1.3").what_if, IsEmpty());
}

}  // namespace
}  // namespace zhuoyue::eval_test
