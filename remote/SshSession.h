#pragma once

// One SSH connection to a gateway (libssh, blocking): connect with a timeout, check the host
// key the way OpenSSH does (known → go on, unknown → ask, changed → refuse, never an override),
// authenticate (agent, key file, password, keyboard-interactive), run commands with their
// output streamed line by line, upload files over SFTP with their final mode from the first
// byte. Blocking calls belong on a worker thread: one session per thread, cancel by flag.

#include "HostKey.h"
#include "Result.h"
#include "SshHandles.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace ipsecwiz {

struct SshOptions
{
    QString host;
    int port = 22;
    QString user = QStringLiteral("root");
    int connectTimeoutSec = 10;
    // Each is checked; a key any of them says has changed is refused. New keys are recorded only
    // in the first, which should be the admin's own (~/.ssh/known_hosts). Empty: that file alone.
    QStringList knownHostsFiles;
    // Unknown host key: true to accept and record it. Unset: refuse (the CLI without
    // --accept-new-host-key). Called on the session's thread.
    std::function<bool(const HostKeyInfo& key, const QString& host)> acceptNewHostKey;
    QString keyFile; // optional private key; agent and ~/.ssh defaults are tried too
    std::function<std::optional<QByteArray>(const QString& prompt)> passphrase; // for keyFile
    std::function<std::optional<QByteArray>(const QString& prompt)> password;   // password and keyboard-interactive
    bool useAgent = true;
    const std::atomic_bool* cancel = nullptr;
};

enum class Stream { Stdout, Stderr };

struct ExecResult
{
    int exitStatus = -1;
    QByteArray out;
    QByteArray err;
    bool truncated = false; // the output passed maxOutputBytes; the rest was not read
};

class SshSession final
{
public:
    ~SshSession();
    SshSession(const SshSession&) = delete;
    SshSession& operator=(const SshSession&) = delete;

    static Result<std::unique_ptr<SshSession>> connect(const SshOptions& options);

    [[nodiscard]] const HostKeyInfo& hostKey() const { return m_hostKey; }
    // A rollback after Cancel must still run: the deployer detaches the flag for it.
    void setCancelFlag(const std::atomic_bool* cancel) { m_options.cancel = cancel; }
    [[nodiscard]] QString describe() const; // "root@10.99.1.2:22"

    // Runs COMMAND (a shell command line; callers quote with shellQuote). `input` is written to
    // its stdin first (e.g. a sudo password: never on the command line). Each complete line of
    // stdout/stderr is passed to onLine as it arrives. Times out after timeoutMs of total time.
    // maxOutputBytes (0: no limit) caps what is kept of stdout + stderr: a hostile or broken
    // command cannot make the wizard's memory grow without bound.
    Result<ExecResult> exec(const QString& command, const QByteArray& input = {},
                            const std::function<void(Stream, const QByteArray&)>& onLine = {}, int timeoutMs = 60000,
                            qsizetype maxOutputBytes = 0);

    // Creates PATH with MODE (O_EXCL: an existing file is an error) and writes DATA over SFTP.
    Status upload(const QString& path, const QByteArray& data, int mode);

private:
    explicit SshSession(SshOptions options);
    Status open();
    Status verifyHostKey();
    [[nodiscard]] QStringList knownHostsFiles() const;
    Status authenticate();
    [[nodiscard]] bool cancelled() const { return m_options.cancel && m_options.cancel->load(); }
    [[nodiscard]] QString lastError() const;

    SshOptions m_options;
    // Declared before the SFTP handle: members are destroyed in reverse, so SFTP goes first.
    SshSessionHandle m_session;
    SftpSessionHandle m_sftp; // opened on the first upload, reused for the rest
    HostKeyInfo m_hostKey;
};

// POSIX shell single-quoting: every byte survives, nothing is interpreted.
QString shellQuote(const QString& text);

} // namespace ipsecwiz
