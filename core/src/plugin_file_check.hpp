#pragma once
// Checks on a plugin folder or library made before the dynamic loader touches it: the loader
// maps a file as it is, so a truncated library ends in SIGBUS instead of an error, and a file
// others can write is code others can change.
#include <filesystem>

namespace vardval {

// Throws PluginError unless `file` is a 64-bit ELF shared object for this machine whose
// program and section header tables and loadable segments all lie within the file.
void check_elf_library(const std::filesystem::path& file);

// Throws PluginError if `path` (`what` says which: "plugin folder", "plugin library") can be
// written by its group or by others.
void check_writable_by_owner_only(const std::filesystem::path& path, const char* what);

}  // namespace vardval
