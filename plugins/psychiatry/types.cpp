#include "psychiatry.hpp"

namespace vardval::psychiatry {

void register_types(Registrar& registrar) {
    registrar.add(appropriation_type());
    registrar.add(visit_type());
    registrar.add(episode_type());
    registrar.add(value_based_type());
    registrar.add(completion_type());
}

}  // namespace vardval::psychiatry
