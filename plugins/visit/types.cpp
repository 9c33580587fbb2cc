#include "visit.hpp"

namespace vardval::visit {

void register_types(Registrar& registrar) {
    registrar.add(fee_type());
    registrar.add(cross_listing_type());
    registrar.add(net_of_fee_type());
}

}  // namespace vardval::visit
