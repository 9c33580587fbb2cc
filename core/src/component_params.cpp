#include "vardval_host/component_params.hpp"

#include "vardval/payment.hpp"

namespace vardval {

void validate_component_params(const ComponentType& type, const YAML::Node& params,
                               const std::string& file, const std::string& path,
                               std::vector<Issue>& issues, const KeyFiles& key_files) {
    const std::size_t before = issues.size();
    // A plugin's check reading a value of an unexpected shape gets an exception from
    // yaml-cpp; that is a problem with the model, so it is reported as one (with the file),
    // not as an internal error.
    try {
        validate_params(params, type.params, file, path, issues, &key_files);
        if (issues.size() != before)
            return;  // the cross-field checks rely on schema-valid parameters
        const Params checked(params, type.params, file, path, key_files);
        Payment::check(checked, issues);
        if (type.check)
            type.check(checked, issues);
    } catch (const YAML::Exception& e) {
        issues.push_back(issue_at(e.mark, file, path,
                                  "the parameters could not be read as " + type.name +
                                      " expects (" + e.msg + "); `vardval plugins` lists them"));
    }
}

}  // namespace vardval
