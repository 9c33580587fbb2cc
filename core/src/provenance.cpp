#include "vardval_host/provenance.hpp"

#include <pwd.h>
#include <unistd.h>

#include <ctime>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <vector>

#include <openssl/evp.h>

namespace fs = std::filesystem;

namespace vardval {
namespace {

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The deepest folder holding every one of the files.
fs::path shared_folder(const std::vector<fs::path>& files) {
    fs::path shared = files.front().parent_path();
    for (const fs::path& f : files)
        while (f.lexically_relative(shared).native().rfind("..", 0) == 0)
            shared = shared.parent_path();
    return shared;
}

const std::string kHeader = "# vardval resolved model: region file, then the extends chain\n";
const std::string kFileTag = "=== file ";

}  // namespace

struct Sha256::Context {
    EVP_MD_CTX* md;
};

Sha256::Sha256() : ctx_(new Context{EVP_MD_CTX_new()}) {
    if (ctx_->md == nullptr || EVP_DigestInit_ex(ctx_->md, EVP_sha256(), nullptr) != 1) {
        EVP_MD_CTX_free(ctx_->md);
        delete ctx_;
        throw std::runtime_error("SHA-256 is not available from libcrypto");
    }
}

Sha256::~Sha256() {
    EVP_MD_CTX_free(ctx_->md);
    delete ctx_;
}

void Sha256::update(std::string_view data) {
    EVP_DigestUpdate(ctx_->md, data.data(), data.size());
}

std::string Sha256::hex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestFinal_ex(ctx_->md, digest, &size);
    static const char* const digits = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < size; ++i) {
        out += digits[digest[i] >> 4];
        out += digits[digest[i] & 0xF];
    }
    return out;
}

std::string sha256_hex(std::string_view data) {
    Sha256 h;
    h.update(data);
    return h.hex();
}

std::string sha256_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + file.string());
    Sha256 h;
    std::vector<char> buffer(1 << 16);
    while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0)
        h.update(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
    return h.hex();
}

std::string os_user() {
    if (const passwd* pw = getpwuid(geteuid()); pw != nullptr && pw->pw_name != nullptr)
        return pw->pw_name;
    return "uid " + std::to_string(geteuid());
}

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

const char* vardval_version() {
    return VARDVAL_VERSION;
}

ModelSnapshot snapshot_model(const Model& model, const Region& region) {
    std::vector<fs::path> files{fs::weakly_canonical(fs::absolute(region.file))};
    for (const std::string& f : model.chain)
        files.push_back(fs::weakly_canonical(fs::absolute(f)));
    const fs::path shared = shared_folder(files);
    // Each file as "=== file PATH BYTES", its bytes and a newline: unambiguous whatever
    // the files hold.
    ModelSnapshot snapshot;
    snapshot.text = kHeader;
    for (const fs::path& f : files) {
        const std::string content = read_file(f);
        snapshot.text += kFileTag + f.lexically_relative(shared).generic_string() + " " +
                         std::to_string(content.size()) + "\n" + content + "\n";
    }
    snapshot.sha256 = sha256_hex(snapshot.text);
    return snapshot;
}

RestoredModel restore_model(const std::string& text, const fs::path& dir) {
    auto invalid = [] { return std::runtime_error("the stored model text is not a snapshot"); };
    if (text.rfind(kHeader, 0) != 0)
        throw invalid();
    std::vector<fs::path> written;
    std::size_t pos = kHeader.size();
    while (pos < text.size()) {
        if (text.compare(pos, kFileTag.size(), kFileTag) != 0)
            throw invalid();
        const std::size_t eol = text.find('\n', pos);
        const std::size_t space = text.rfind(' ', eol);
        if (eol == std::string::npos || space == std::string::npos || space < pos + kFileTag.size())
            throw invalid();
        const fs::path relative = text.substr(pos + kFileTag.size(), space - pos - kFileTag.size());
        const std::size_t size = std::stoul(text.substr(space + 1, eol - space - 1));
        if (relative.is_absolute() || relative.lexically_normal().native().rfind("..", 0) == 0 ||
            eol + 1 + size >= text.size())
            throw invalid();
        const fs::path file = dir / relative;
        fs::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text.substr(eol + 1, size);
        written.push_back(file);
        pos = eol + 1 + size + 1;
    }
    if (written.size() < 2)
        throw invalid();
    return {written.front(), written.back()};
}

}  // namespace vardval
