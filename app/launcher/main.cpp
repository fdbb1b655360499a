// ipsec-wizard as installed: a launcher that links nothing but the C and C++ runtimes.
//
// The whole program (GUI, CLI, SSH, bundles) lives in ../libexec/ipsec-wizard/ and links Qt
// Widgets, Gui, Svg, libssh and libarchive: 63 shared libraries, about 9 ms of the dynamic
// loader before main() on every command. `ipsec-wizard parse FILE` of a 10,000-SA dump is meant
// to take at most four times `grep -c spi= FILE` (a few ms), so this launcher prints that one
// summary itself (SetkeySummary) when it is sure it prints the very same bytes, and otherwise
// execs the whole program with the same arguments: every other command, option, locale and input
// behaves exactly as before. See docs/architecture.md, "The launcher".

#include "SetkeySummary.h"

#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

namespace {

using std::string_view;

// A locale value that gives the whole program no translation: unset, C, POSIX or English.
bool englishOrC(const char* value)
{
    if (!value || !*value)
        return true;
    const string_view v(value);
    if (v == "C" || v == "POSIX" || v.substr(0, 2) == "C.")
        return true;
    return v.substr(0, 2) == "en" && (v.size() == 2 || v[2] == '_' || v[2] == '.' || v[2] == '@');
}

// The whole program picks its translation with QLocale (widgets/Translations.cpp): LC_ALL, then
// LC_MESSAGES, then LANG, and LANGUAGE's list for the interface languages. Rather than mirror
// that order, every one of them must say English or C; anything else goes to the whole program.
bool untranslated()
{
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
        if (!englishOrC(std::getenv(name)))
            return false;
    if (const char* language = std::getenv("LANGUAGE")) {
        string_view list(language);
        while (!list.empty()) {
            const std::size_t colon = list.find(':');
            const std::string one(list.substr(0, colon));
            if (!englishOrC(one.c_str()))
                return false;
            list.remove_prefix(colon == string_view::npos ? list.size() : colon + 1);
        }
    }
    return true;
}

// FILE of `parse FILE`, `parse --format auto|setkey FILE` or `parse --format=auto|setkey FILE`;
// nullptr for anything else (another command, another option, standard input, a name the
// whole program's QCommandLineParser could read as an option, a name that is not plain ASCII).
const char* summaryFile(int argc, char* argv[])
{
    if (argc < 3 || string_view(argv[1]) != "parse")
        return nullptr;
    const auto formatOk = [](string_view f) { return f == "auto" || f == "setkey"; };
    const char* file = nullptr;
    if (argc == 3)
        file = argv[2];
    else if (argc == 4 && string_view(argv[2]).substr(0, 9) == "--format=" && formatOk(string_view(argv[2]).substr(9)))
        file = argv[3];
    else if (argc == 5 && string_view(argv[2]) == "--format" && formatOk(argv[3]))
        file = argv[4];
    if (!file || !*file || *file == '-')
        return nullptr;
    for (const char* c = file; *c; ++c)
        if (*c < 0x20 || *c > 0x7e)
            return nullptr;
    return file;
}

bool writeAll(int fd, const std::string& a, const std::string& b)
{
    iovec parts[2] = {{const_cast<char*>(a.data()), a.size()}, {const_cast<char*>(b.data()), b.size()}};
    iovec* iov = parts;
    int count = 2;
    while (count > 0) {
        const ssize_t n = ::writev(fd, iov, count);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        std::size_t done = std::size_t(n);
        while (count > 0 && done >= iov->iov_len) {
            done -= iov->iov_len;
            ++iov;
            --count;
        }
        if (count > 0) {
            iov->iov_base = static_cast<char*>(iov->iov_base) + done;
            iov->iov_len -= done;
        }
    }
    return true;
}

// Prints the summary of PATH and returns true, or returns false having printed nothing.
bool printSummary(const char* path)
{
    // As the whole program does: the dump holds the SAs' keys.
    const rlimit noCore{0, 0};
    ::setrlimit(RLIMIT_CORE, &noCore);
#ifndef __SANITIZE_ADDRESS__ // LeakSanitizer stops the process's threads with ptrace at exit
    ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false; // the whole program says why
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0
        || std::uint64_t(st.st_size) > ipsecwiz::SetkeySummary::MaxInputBytes) {
        ::close(fd);
        return false;
    }
    const auto size = std::size_t(st.st_size);
    void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (mapped == MAP_FAILED)
        return false;
    ipsecwiz::SetkeySummary::Summary summary;
    const bool ok = ipsecwiz::SetkeySummary::summary(string_view(static_cast<const char*>(mapped), size), summary);
    ::munmap(mapped, size);
    if (!ok)
        return false;
    // Like the whole program, which does not check its writes either (a closed pipe ends both).
    (void)writeAll(STDOUT_FILENO, summary.header, summary.lines);
    return true;
}

// The whole program, found beside this launcher's own file (never on PATH).
[[noreturn]] void execProgram(char* argv[])
{
    char self[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
    std::string program;
    if (n > 0) {
        program.assign(self, std::size_t(n));
        program.erase(program.rfind('/') + 1);
        program += IPSECWIZ_PROGRAM_FROM_LAUNCHER;
        ::execv(program.c_str(), argv);
    } else {
        program = "/proc/self/exe";
        errno = ENOENT;
    }
    std::fprintf(stderr, "ipsec-wizard: cannot run %s: %s\n", program.c_str(), std::strerror(errno));
    std::_Exit(127); // stderr is unbuffered; nothing else to flush
}

} // namespace

int main(int argc, char* argv[])
{
    if (const char* file = summaryFile(argc, argv); file && untranslated() && printSummary(file))
        return 0;
    execProgram(argv);
}
