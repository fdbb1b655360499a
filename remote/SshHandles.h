#pragma once

// Owning handles for libssh objects, each with the deleter libssh requires.

#include <libssh/libssh.h>
#include <libssh/sftp.h>

#include <memory>

namespace ipsecwiz {

struct SshKeyDeleter
{
    void operator()(ssh_key key) const { ssh_key_free(key); }
};
using SshKey = std::unique_ptr<std::remove_pointer_t<ssh_key>, SshKeyDeleter>;

struct SshHashDeleter
{
    void operator()(unsigned char* hash) const { ssh_clean_pubkey_hash(&hash); }
};
using SshHash = std::unique_ptr<unsigned char, SshHashDeleter>;

struct SftpSessionDeleter
{
    void operator()(sftp_session sftp) const { sftp_free(sftp); }
};
using SftpSessionHandle = std::unique_ptr<std::remove_pointer_t<sftp_session>, SftpSessionDeleter>;

struct SshSessionDeleter
{
    void operator()(ssh_session session) const
    {
        if (ssh_is_connected(session))
            ssh_disconnect(session);
        ssh_free(session);
    }
};
using SshSessionHandle = std::unique_ptr<std::remove_pointer_t<ssh_session>, SshSessionDeleter>;

} // namespace ipsecwiz
