#pragma once

// Several gateways' imports → one network: each import's own site is the real one, its peers are
// matched to the other imports' own sites, and the two halves of a tunnel become one tunnel. Where
// the halves disagree there is a finding: that is how a broken tunnel shows up.

#include "Importer.h"

namespace ipsecwiz {

// Several gateways' imports → one network. A site that one import has as "us" (managed) and another
// as an unmanaged peer becomes the managed one; a tunnel both describe is one tunnel; every field
// where the two halves disagree (PSK, proposals, lifetimes, networks carried on either end, the
// peer address one side expects vs the other's own address, identities) is a finding naming the
// tunnel, the field and both values (keys never shown: "the keys differ").
//
// Matching. An import's own site is its first managed site. A peer of import X is import Y's own
// site when, in this order: the address X sends to is Y's own (interface or public) address; else
// X expects the identity Y's files give; else the peer has Y's site name (our generator's files
// name the far site). Two tunnels are one when they join the same two matched sites and carry the
// same networks (the traffic selectors the gateways negotiate), else have the same name, else are
// the only tunnel between those sites on each side; a tunnel only one side has is a warning. A
// peer that matches no import stays an unmanaged site (peers of several imports with the same
// address and identity are one site).
//
// Conflicts. The merged tunnel takes the values of the import that comes first in IMPORTS (a key
// only one half has: that key), and each finding's fix says so. Errors: proposals, keys, networks,
// addresses, identities; warnings: lifetimes (each end rekeys on its own), a key or a tunnel only
// one side has, two imports of one gateway. A managed site's address, identity, flavour and
// networks are its own import's; what its own files cannot say comes from its peers' files: its
// address when its files name none, and its public address when a peer that matched it by identity
// (an FQDN, user@FQDN or key id, or an address identity naming that very address) reaches it
// elsewhere: the site is then behind NAT there. Any other address a peer expects is a finding.
// Networks a merged tunnel carries are added to its sites. Names are local labels: two halves
// named differently are one tunnel without a finding.
//
// The notes and findings of every import are kept, their file (notes) or message (findings)
// prefixed with "SITE: ", the import's own site.
ImportResult mergeImports(const QList<ImportResult>& imports);

} // namespace ipsecwiz
