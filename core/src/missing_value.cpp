#include "vardval/missing_value.hpp"

namespace vardval {

ParamSpec missing_value_param() {
    return param::choice("missing_value", {"error", "zero"})
        .defaults_to("error")
        .describe(
            "what a figure the month's data does not give means (a unit value a unit "
            "does not report; an event kind no unit reports): error refuses the run (exit "
            "3) naming it and what to import; zero takes it as 0 (say why in the model)");
}

IfMissing read_missing_value(const Params& params) {
    return params.text("missing_value") == "zero" ? IfMissing::zero : IfMissing::error;
}

}  // namespace vardval
