#pragma once
// What a stored dataset or run keeps so that a payment can be traced and re-derived years
// later: SHA-256 of files and of the fully resolved model (OpenSSL's libcrypto), who and
// when, the vardval version, and the model's own text.
#include <filesystem>
#include <string>
#include <string_view>

#include "vardval/region.hpp"
#include "vardval_host/model.hpp"

namespace vardval {

std::string sha256_hex(std::string_view data);
// The same, fed in pieces.
class Sha256 {
  public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(std::string_view data);
    std::string hex();  // once, after the last update

  private:
    struct Context;
    Context* ctx_;
};
// Of a file's bytes; throws std::runtime_error if it cannot be read.
std::string sha256_file(const std::filesystem::path& file);

std::string os_user();  // the OS account running this process
std::string utc_now();  // "2026-11-25T19:08:00Z"
const char* vardval_version();

// The fully resolved model as one text: region.yaml and every file of the extends chain
// (base first, the model itself last), verbatim with their paths relative to the folder
// they share. Its SHA-256 is the model hash of a run: any change to a rule, a unit or a
// comment gives another hash, and the text is enough to compute the run again.
struct ModelSnapshot {
    std::string text;
    std::string sha256;
};
// Throws std::runtime_error if a file cannot be read.
ModelSnapshot snapshot_model(const Model& model, const Region& region);

// Writes a snapshot's files under `dir` (which must exist) and says where the region and
// model files are. Throws std::runtime_error for a text that is not a snapshot.
struct RestoredModel {
    std::filesystem::path region_file;
    std::filesystem::path model_file;
};
RestoredModel restore_model(const std::string& snapshot_text, const std::filesystem::path& dir);

}  // namespace vardval
