#include "plugin_file_check.hpp"

#include <elf.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "vardval_host/plugin_host.hpp"

namespace fs = std::filesystem;

namespace vardval {
namespace {

#if defined(__x86_64__)
constexpr unsigned kMachine = EM_X86_64;
#elif defined(__aarch64__)
constexpr unsigned kMachine = EM_AARCH64;
#else
#error "set kMachine to this machine's ELF e_machine value"
#endif

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
constexpr unsigned char kByteOrder = ELFDATA2LSB;
#else
constexpr unsigned char kByteOrder = ELFDATA2MSB;
#endif

[[noreturn]] void refuse(const fs::path& file, const std::string& reason) {
    throw PluginError("plugin library " + file.string() + " " + reason +
                      "; it was not loaded (replace it with a complete build of the plugin)");
}

// Whether [offset, offset + length) lies within a file of `size` bytes, without overflow.
bool within(std::uint64_t offset, std::uint64_t length, std::uint64_t size) {
    return offset <= size && length <= size - offset;
}

std::string truncated(const char* part, std::uint64_t end, std::uint64_t size) {
    return "is truncated: its " + std::string(part) + " ends at byte " + std::to_string(end) +
           " but the file has " + std::to_string(size) + " bytes";
}

}  // namespace

void check_elf_library(const fs::path& file) {
    std::error_code ec;
    const std::uint64_t size = fs::file_size(file, ec);
    if (ec)
        refuse(file, "cannot be read: " + ec.message());
    std::ifstream in(file, std::ios::binary);
    Elf64_Ehdr header{};
    in.read(reinterpret_cast<char*>(&header), sizeof header);
    const auto got = static_cast<std::uint64_t>(in.gcount());
    if (got < SELFMAG || std::string(reinterpret_cast<const char*>(header.e_ident), SELFMAG) !=
                             std::string(ELFMAG, SELFMAG))
        refuse(file, "is not an ELF shared library (it does not start with the ELF magic)");
    if (got < sizeof header)
        refuse(file, "is truncated: " + std::to_string(size) +
                         " bytes, shorter than an ELF header (" + std::to_string(sizeof header) +
                         ")");
    if (header.e_ident[EI_CLASS] != ELFCLASS64)
        refuse(file, "is not a 64-bit ELF file");
    if (header.e_ident[EI_DATA] != kByteOrder)
        refuse(file, "is an ELF file of the other byte order");
    if (header.e_type != ET_DYN)
        refuse(file,
               "is not an ELF shared library (ELF type " + std::to_string(header.e_type) + ")");
    if (header.e_machine != kMachine)
        refuse(file, "is built for another machine (ELF machine " +
                         std::to_string(header.e_machine) + ", this one is " +
                         std::to_string(kMachine) + ")");
    if (header.e_phnum == 0 || header.e_phentsize != sizeof(Elf64_Phdr))
        refuse(file, "has no valid program header table");
    if (header.e_shnum != 0 && header.e_shentsize != sizeof(Elf64_Shdr))
        refuse(file, "has an invalid section header table");

    const std::uint64_t ph_length = std::uint64_t{header.e_phnum} * header.e_phentsize;
    if (!within(header.e_phoff, ph_length, size))
        refuse(file, truncated("program header table", header.e_phoff + ph_length, size));
    const std::uint64_t sh_length = std::uint64_t{header.e_shnum} * header.e_shentsize;
    if (!within(header.e_shoff, sh_length, size))
        refuse(file, truncated("section header table", header.e_shoff + sh_length, size));

    // The loader maps each segment from the file: one reaching past its end is what faults.
    std::vector<Elf64_Phdr> segments(header.e_phnum);
    in.seekg(static_cast<std::streamoff>(header.e_phoff));
    in.read(reinterpret_cast<char*>(segments.data()), static_cast<std::streamsize>(ph_length));
    if (!in)
        refuse(file, "cannot be read to the end of its program header table");
    for (std::size_t i = 0; i < segments.size(); ++i)
        if (!within(segments[i].p_offset, segments[i].p_filesz, size))
            refuse(file, truncated(("segment " + std::to_string(i)).c_str(),
                                   segments[i].p_offset + segments[i].p_filesz, size));
}

void check_writable_by_owner_only(const fs::path& path, const char* what) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec)
        throw PluginError(std::string(what) + " " + path.string() +
                          " cannot be read: " + ec.message());
    const fs::perms perms = status.permissions();
    const bool group = (perms & fs::perms::group_write) != fs::perms::none;
    const bool others = (perms & fs::perms::others_write) != fs::perms::none;
    if (!group && !others)
        return;
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(perms & fs::perms::mask));
    throw PluginError(std::string(what) + " " + path.string() + " is writable by " +
                      (group && others ? "its group and others"
                       : group         ? "its group"
                                       : "others") +
                      " (mode " + mode +
                      "): someone else could replace the code that computes payments; make it "
                      "writable by its owner only (chmod go-w " +
                      path.string() + ")");
}

}  // namespace vardval
