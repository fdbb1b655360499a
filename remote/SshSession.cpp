#include "SshSession.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <libssh/sftp.h>

#include <fcntl.h>

namespace ipsecwiz {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::SshSession", text);
}

struct ChannelDeleter
{
    void operator()(ssh_channel c) const
    {
        if (ssh_channel_is_open(c))
            ssh_channel_close(c);
        ssh_channel_free(c);
    }
};
using Channel = std::unique_ptr<std::remove_pointer_t<ssh_channel>, ChannelDeleter>;

struct SftpFileDeleter
{
    void operator()(sftp_file f) const { sftp_close(f); }
};
using SftpFile = std::unique_ptr<std::remove_pointer_t<sftp_file>, SftpFileDeleter>;

void initLibssh()
{
    static const int once = ssh_init();
    Q_UNUSED(once)
}

QString defaultKnownHosts()
{
    return QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
}

} // namespace

QString shellQuote(const QString& text)
{
    QString out = text;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

SshSession::SshSession(SshOptions options) : m_options(std::move(options)) {}

SshSession::~SshSession() = default;

QString SshSession::describe() const
{
    return QStringLiteral("%1@%2:%3").arg(m_options.user, m_options.host).arg(m_options.port);
}

QString SshSession::lastError() const
{
    return QString::fromLocal8Bit(ssh_get_error(m_session.get()));
}

Result<std::unique_ptr<SshSession>> SshSession::connect(const SshOptions& options)
{
    initLibssh();
    std::unique_ptr<SshSession> s(new SshSession(options));
    if (auto st = s->open(); !st)
        return st.error();
    if (auto st = s->verifyHostKey(); !st)
        return st.error();
    if (auto st = s->authenticate(); !st)
        return st.error();
    qCInfo(lcSsh) << "connected to" << s->describe() << "host key" << s->m_hostKey.type << s->m_hostKey.fingerprint;
    return s;
}

Status SshSession::open()
{
    const QString where = describe();
    // A second line of defence behind the profile's validation: libssh expands the user and host
    // into a ProxyCommand from the admin's ssh config, which /bin/sh runs.
    static const QRegularExpression safeHost(QStringLiteral("^[A-Za-z0-9_:][A-Za-z0-9.:_-]{0,252}\\z"));
    static const QRegularExpression safeUser(QStringLiteral("^[A-Za-z_][A-Za-z0-9._-]{0,31}\\z"));
    if (!safeHost.match(m_options.host).hasMatch())
        return Error{QStringLiteral("ssh.host"), tr("“%1” is not a host name or address; nothing was run.").arg(shown(m_options.host))};
    if (!safeUser.match(m_options.user).hasMatch())
        return Error{QStringLiteral("ssh.user"), tr("“%1” is not a valid user name; nothing was run.").arg(shown(m_options.user))};
    m_session.reset(ssh_new());
    if (!m_session)
        return Error{where, tr("Cannot create an SSH session.")};
    ssh_session ss = m_session.get();
    const QByteArray host = m_options.host.toUtf8();
    const QByteArray user = m_options.user.toUtf8();
    const unsigned int port = unsigned(m_options.port);
    const long timeout = m_options.connectTimeoutSec;
    ssh_options_set(ss, SSH_OPTIONS_HOST, host.constData());
    // ~/.ssh/config is honoured (ProxyJump excepted by libssh), then our explicit settings win.
    ssh_options_parse_config(ss, nullptr);
    ssh_options_set(ss, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(ss, SSH_OPTIONS_PORT, &port);
    ssh_options_set(ss, SSH_OPTIONS_USER, user.constData());
    ssh_options_set(ss, SSH_OPTIONS_TIMEOUT, &timeout);
    // Whatever the ssh config says: with "StrictHostKeyChecking no" libssh would count a host
    // that is in no known_hosts file as known, and the PSK and passwords would go to anyone.
    const int strict = 1;
    ssh_options_set(ss, SSH_OPTIONS_STRICTHOSTKEYCHECK, &strict);
    // Small request/response packets: without TCP_NODELAY, Nagle + delayed ACK add ~40 ms per
    // round trip, which a push of many small steps (and the monitor's polls) pays again and again.
    const int nodelay = 1;
    ssh_options_set(ss, SSH_OPTIONS_NODELAY, &nodelay);
    // Every file we check, for the host key algorithms libssh prefers (those already recorded);
    // verifyHostKey() then checks each file on its own.
    const QStringList files = knownHostsFiles();
    const QByteArray userFile = QFile::encodeName(files.first());
    const QByteArray otherFile = QFile::encodeName(files.value(1, files.first()));
    ssh_options_set(ss, SSH_OPTIONS_KNOWNHOSTS, userFile.constData());
    ssh_options_set(ss, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, otherFile.constData());
    if (ssh_connect(ss) != SSH_OK)
        return Error{where, tr("Cannot connect: %1").arg(lastError())};
    return {};
}

QStringList SshSession::knownHostsFiles() const
{
    return m_options.knownHostsFiles.isEmpty() ? QStringList{defaultKnownHosts()} : m_options.knownHostsFiles;
}

Status SshSession::verifyHostKey()
{
    const QString where = describe();
    ssh_key raw = nullptr;
    if (ssh_get_server_publickey(m_session.get(), &raw) != SSH_OK)
        return Error{where, tr("The server sent no host key.")};
    const SshKey key(raw);
    unsigned char* hash = nullptr;
    size_t len = 0;
    if (ssh_get_publickey_hash(key.get(), SSH_PUBLICKEY_HASH_SHA256, &hash, &len) != SSH_OK)
        return Error{where, tr("Cannot compute the host key's fingerprint.")};
    const SshHash hashGuard(hash);
    m_hostKey.type = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key.get())));
    m_hostKey.fingerprint = QStringLiteral("SHA256:")
                            + QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(hash), qsizetype(len)).toBase64(QByteArray::OmitTrailingEquals));

    // Each file on its own: libssh stops at the first file that knows the key, so a profile's
    // file (which travels in bundles) could otherwise vouch for a key the admin's own file says
    // has changed. Any file that says "changed" wins; new keys go only to the first file.
    ssh_session ss = m_session.get();
    const QStringList files = knownHostsFiles();
    bool known = false;
    for (const QString& file : files) {
        const QByteArray name = QFile::encodeName(file);
        ssh_options_set(ss, SSH_OPTIONS_KNOWNHOSTS, name.constData());
        ssh_options_set(ss, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, name.constData());
        switch (ssh_session_is_known_server(ss)) {
        case SSH_KNOWN_HOSTS_OK:
            known = true;
            break;
        case SSH_KNOWN_HOSTS_CHANGED:
            return Error{where, tr("WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! Someone could be eavesdropping on you right now "
                                   "(man-in-the-middle attack), or the host key has just been changed. The %1 key sent by %2 has the "
                                   "fingerprint %3, which does not match the key recorded for it in %4. Nothing was sent. If the change "
                                   "is expected, remove the old key with: ssh-keygen -R %2 -f %4")
                                    .arg(m_hostKey.type, m_options.host, m_hostKey.fingerprint, file)};
        case SSH_KNOWN_HOSTS_OTHER:
            return Error{where, tr("The host key for %1 is recorded in %4 with a different key type than the %2 key it sent now (%3). "
                                   "This may be a man-in-the-middle attack; nothing was sent. Check the gateway's keys with ssh-keygen -lf.")
                                    .arg(m_options.host, m_hostKey.type, m_hostKey.fingerprint, file)};
        case SSH_KNOWN_HOSTS_UNKNOWN:
        case SSH_KNOWN_HOSTS_NOT_FOUND:
            break;
        case SSH_KNOWN_HOSTS_ERROR:
            return Error{where, tr("Cannot check the host key against %1: %2").arg(file, lastError())};
        }
    }
    const QByteArray userFile = QFile::encodeName(files.first());
    ssh_options_set(ss, SSH_OPTIONS_KNOWNHOSTS, userFile.constData());
    if (known)
        return {};
    if (!m_options.acceptNewHostKey || !m_options.acceptNewHostKey(m_hostKey, m_options.host))
        return Error{where, tr("The authenticity of host %1 can't be established: its %2 key fingerprint is %3, which is not in %4. "
                               "Nothing was sent. Compare it with `ssh-keygen -lf` on the gateway, then accept it (CLI: "
                               "--accept-new-host-key).")
                                .arg(m_options.host, m_hostKey.type, m_hostKey.fingerprint, files.join(QStringLiteral(", ")))};
    QDir().mkpath(QFileInfo(files.first()).absolutePath());
    if (ssh_session_update_known_hosts(ss) != SSH_OK)
        return Error{where, tr("Cannot record the host key in %1: %2").arg(files.first(), lastError())};
    qCInfo(lcSsh) << "recorded host key of" << m_options.host << m_hostKey.fingerprint << "in" << files.first();
    return {};
}

Status SshSession::authenticate()
{
    const QString where = describe();
    ssh_session ss = m_session.get();
    int rc = ssh_userauth_none(ss, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    const int methods = ssh_userauth_list(ss, nullptr);
    QStringList tried;

    if ((methods & SSH_AUTH_METHOD_PUBLICKEY) && m_options.useAgent && qEnvironmentVariableIsSet("SSH_AUTH_SOCK")) {
        tried << tr("ssh-agent");
        if (ssh_userauth_agent(ss, nullptr) == SSH_AUTH_SUCCESS)
            return {};
    }
    if ((methods & SSH_AUTH_METHOD_PUBLICKEY) && !m_options.keyFile.isEmpty()) {
        tried << tr("key %1").arg(m_options.keyFile);
        ssh_key raw = nullptr;
        const QByteArray path = QFile::encodeName(m_options.keyFile);
        rc = ssh_pki_import_privkey_file(path.constData(), nullptr, nullptr, nullptr, &raw);
        if (rc != SSH_OK && m_options.passphrase) {
            // Encrypted key: ask once for its passphrase.
            if (auto pass = m_options.passphrase(tr("Passphrase for %1").arg(m_options.keyFile))) {
                rc = ssh_pki_import_privkey_file(path.constData(), pass->constData(), nullptr, nullptr, &raw);
                pass->fill('\0');
            }
        }
        if (rc == SSH_OK) {
            const SshKey key(raw);
            if (ssh_userauth_publickey(ss, nullptr, key.get()) == SSH_AUTH_SUCCESS)
                return {};
        }
    }
    if (methods & SSH_AUTH_METHOD_PUBLICKEY && m_options.keyFile.isEmpty()) {
        tried << tr("default keys in ~/.ssh");
        if (ssh_userauth_publickey_auto(ss, nullptr, nullptr) == SSH_AUTH_SUCCESS)
            return {};
    }
    if ((methods & SSH_AUTH_METHOD_PASSWORD) && m_options.password) {
        tried << tr("password");
        if (auto pw = m_options.password(tr("Password for %1").arg(where))) {
            rc = ssh_userauth_password(ss, nullptr, pw->constData());
            pw->fill('\0');
            if (rc == SSH_AUTH_SUCCESS)
                return {};
        }
    }
    if ((methods & SSH_AUTH_METHOD_INTERACTIVE) && m_options.password) {
        tried << tr("keyboard-interactive");
        rc = ssh_userauth_kbdint(ss, nullptr, nullptr);
        bool answered = true;
        while (rc == SSH_AUTH_INFO && answered) {
            if (cancelled())
                return Error{where, tr("Cancelled.")};
            const int n = ssh_userauth_kbdint_getnprompts(ss);
            for (int i = 0; i < n && answered; ++i) {
                char echo = 0;
                const QString prompt = terminalSafe(QString::fromUtf8(ssh_userauth_kbdint_getprompt(ss, unsigned(i), &echo)));
                auto answer = m_options.password(prompt);
                // No one to answer (no terminal, no password given): this method is out.
                answered = answer.has_value();
                if (answered) {
                    ssh_userauth_kbdint_setanswer(ss, unsigned(i), answer->constData());
                    answer->fill('\0');
                }
            }
            if (answered)
                rc = ssh_userauth_kbdint(ss, nullptr, nullptr);
        }
        if (rc == SSH_AUTH_SUCCESS)
            return {};
    }
    return Error{where, tr("Permission denied (tried: %1).").arg(tried.isEmpty() ? tr("nothing the server offers") : tried.join(QStringLiteral(", ")))};
}

Result<ExecResult> SshSession::exec(const QString& command, const QByteArray& input,
                                    const std::function<void(Stream, const QByteArray&)>& onLine, int timeoutMs,
                                    qsizetype maxOutputBytes)
{
    const QString where = describe();
    Channel channel(ssh_channel_new(m_session.get()));
    if (!channel || ssh_channel_open_session(channel.get()) != SSH_OK)
        return Error{where, tr("Cannot open a channel: %1").arg(lastError())};
    const QByteArray cmd = command.toUtf8();
    if (ssh_channel_request_exec(channel.get(), cmd.constData()) != SSH_OK)
        return Error{where, tr("Cannot run a command: %1").arg(lastError())};
    if (!input.isEmpty() && ssh_channel_write(channel.get(), input.constData(), uint32_t(input.size())) != int(input.size()))
        return Error{where, tr("Cannot send input to the command: %1").arg(lastError())};
    ssh_channel_send_eof(channel.get());

    ExecResult result;
    QByteArray pending[2];
    const QDeadlineTimer deadline(timeoutMs);
    char buffer[16384];
    auto flushLines = [&](int stream, bool all) {
        QByteArray& p = pending[stream];
        qsizetype nl;
        while ((nl = p.indexOf('\n')) >= 0) {
            if (onLine)
                onLine(stream ? Stream::Stderr : Stream::Stdout, p.left(nl));
            p.remove(0, nl + 1);
        }
        if (all && !p.isEmpty()) {
            if (onLine)
                onLine(stream ? Stream::Stderr : Stream::Stdout, p);
            p.clear();
        }
    };
    while (!ssh_channel_is_eof(channel.get())) {
        if (cancelled())
            return Error{where, tr("Cancelled.")};
        if (deadline.hasExpired())
            return Error{where, tr("The command did not finish within %1 s.").arg(timeoutMs / 1000)};
        for (int stream : {0, 1}) {
            // Wait on stdout a little, then take whatever stderr has without waiting.
            const int n = stream == 0 ? ssh_channel_read_timeout(channel.get(), buffer, sizeof buffer, 0, 5)
                                      : ssh_channel_read_nonblocking(channel.get(), buffer, sizeof buffer, 1);
            if (n == SSH_ERROR)
                return Error{where, tr("The connection broke while the command ran: %1").arg(lastError())};
            if (n > 0) {
                (stream ? result.err : result.out).append(buffer, n);
                // Lines are only cut for a caller that wants them: a poll that floods must
                // not hold its output twice.
                if (onLine) {
                    pending[stream].append(buffer, n);
                    flushLines(stream, false);
                }
                if (maxOutputBytes > 0 && result.out.size() + result.err.size() > maxOutputBytes) {
                    // Enough: stop reading, close the channel (the remote command gets SIGPIPE).
                    result.truncated = true;
                    const qsizetype before = result.out.size();
                    result.out.truncate(qMax<qsizetype>(0, maxOutputBytes - result.err.size()));
                    // The unfinished line is the tail of `out`: cut it by what was cut there.
                    pending[0].chop(qMin(pending[0].size(), before - result.out.size()));
                    if (result.err.size() > maxOutputBytes) {
                        pending[1].chop(qMin(pending[1].size(), result.err.size() - maxOutputBytes));
                        result.err.truncate(maxOutputBytes);
                    }
                    flushLines(0, true);
                    flushLines(1, true);
                    return result;
                }
            }
        }
    }
    // Drain what arrived together with EOF.
    for (int stream : {0, 1}) {
        int n;
        while ((n = ssh_channel_read_nonblocking(channel.get(), buffer, sizeof buffer, stream)) > 0) {
            (stream ? result.err : result.out).append(buffer, n);
            if (onLine)
                pending[stream].append(buffer, n);
        }
        flushLines(stream, true);
    }
    result.exitStatus = ssh_channel_get_exit_status(channel.get());
    return result;
}

Status SshSession::upload(const QString& path, const QByteArray& data, int mode)
{
    const QString where = describe();
    if (!m_sftp) {
        SftpSessionHandle sftp(sftp_new(m_session.get()));
        if (!sftp || sftp_init(sftp.get()) != SSH_OK)
            return Error{where, tr("Cannot start SFTP: %1").arg(lastError())};
        m_sftp = std::move(sftp);
    }
    sftp_session sftp = m_sftp.get();
    const QByteArray p = path.toUtf8();
    // The file is created with its final mode: a secret is never readable by others, not even empty.
    SftpFile file(sftp_open(sftp, p.constData(), O_WRONLY | O_CREAT | O_EXCL, mode_t(mode)));
    if (!file)
        return Error{path, tr("Cannot create the file on %1 (SFTP error %2).").arg(where).arg(sftp_get_error(sftp))};
    qsizetype written = 0;
    while (written < data.size()) {
        if (cancelled())
            return Error{where, tr("Cancelled.")};
        const qsizetype chunk = qMin<qsizetype>(data.size() - written, 32768);
        const ssize_t n = sftp_write(file.get(), data.constData() + written, size_t(chunk));
        if (n <= 0)
            return Error{path, tr("Cannot write the file on %1 (SFTP error %2).").arg(where).arg(sftp_get_error(sftp))};
        written += n;
    }
    // The server's umask may have narrowed the mode; set it exactly.
    if (sftp_chmod(sftp, p.constData(), mode_t(mode)) != SSH_OK)
        return Error{path, tr("Cannot set the file mode on %1.").arg(where)};
    return {};
}

} // namespace ipsecwiz
