<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ipsecwiz</name>
    <message>
        <location filename="../model/profile/Algorithms.cpp" line="+25"/>
        <source>RFC 8221 / RFC 8247: MUST. Authenticated encryption, fast on every modern CPU.</source>
        <translation>RFC 8221 / RFC 8247: MUST. Authentifizierte Verschlüsselung, schnell auf jeder modernen CPU.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RFC 8221: MUST, RFC 8247: SHOULD. Authenticated encryption with a 256-bit key.</source>
        <translation>RFC 8221: MUST, RFC 8247: SHOULD. Authentifizierte Verschlüsselung mit einem 256-Bit-Schlüssel.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RFC 8221 / RFC 8247: SHOULD. Authenticated encryption, fast without AES hardware.</source>
        <translation>RFC 8221 / RFC 8247: SHOULD. Authentifizierte Verschlüsselung, schnell auch ohne AES-Hardware.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RFC 8221 / RFC 8247: MUST. Needs a separate integrity algorithm.</source>
        <translation>RFC 8221 / RFC 8247: MUST. Braucht einen eigenen Integritätsalgorithmus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RFC 8221 / RFC 8247: MAY.</source>
        <translation>RFC 8221 / RFC 8247: MAY.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RFC 8221: MAY, RFC 8247: MUST. Needs a separate integrity algorithm.</source>
        <translation>RFC 8221: MAY, RFC 8247: MUST. Braucht einen eigenen Integritätsalgorithmus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RFC 8221 / RFC 8247: SHOULD NOT. A 64-bit block cipher (Sweet32); use AES.</source>
        <translation>RFC 8221 / RFC 8247: SHOULD NOT. Eine Blockchiffre mit 64-Bit-Blöcken (Sweet32); nehmen Sie AES.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RFC 8221 / RFC 8247: MUST NOT. A 56-bit key is broken by brute force; use AES.</source>
        <translation>RFC 8221 / RFC 8247: MUST NOT. Ein 56-Bit-Schlüssel lässt sich durch Ausprobieren knacken; nehmen Sie AES.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only with an AEAD cipher (GCM, ChaCha20-Poly1305), which authenticates by itself.</source>
        <translation>Nur mit einer AEAD-Chiffre (GCM, ChaCha20-Poly1305), die selbst authentifiziert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RFC 8221 / RFC 8247: MUST.</source>
        <translation>RFC 8221 / RFC 8247: MUST.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+16"/>
        <location line="+2"/>
        <location line="+13"/>
        <source>RFC 8247: SHOULD.</source>
        <translation>RFC 8247: SHOULD.</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>RFC 8221 / RFC 8247: SHOULD.</source>
        <translation>RFC 8221 / RFC 8247: SHOULD.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RFC 8221 / RFC 8247: MUST- (being phased out). SHA-1 is deprecated; use SHA-256.</source>
        <translation>RFC 8221 / RFC 8247: MUST- (wird auslaufen). SHA-1 ist veraltet; nehmen Sie SHA-256.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RFC 8221 / RFC 8247: MUST NOT. MD5 is broken; use SHA-256.</source>
        <translation>RFC 8221 / RFC 8247: MUST NOT. MD5 ist gebrochen; nehmen Sie SHA-256.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>RFC 8247: MUST.</source>
        <translation>RFC 8247: MUST.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>RFC 8247: MUST- (being phased out). Use SHA-256.</source>
        <translation>RFC 8247: MUST- (wird auslaufen). Nehmen Sie SHA-256.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RFC 8247: MUST NOT. MD5 is broken; use SHA-256.</source>
        <translation>RFC 8247: MUST NOT. MD5 ist gebrochen; nehmen Sie SHA-256.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No perfect forward secrecy: a stolen IKE key exposes the CHILD SA keys. Only valid for PFS.</source>
        <translation>Keine Perfect Forward Secrecy: Ein gestohlener IKE-Schlüssel legt die Schlüssel der CHILD SAs offen. Nur für PFS zulässig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RFC 8247: SHOULD. Fast, small and hard to get wrong.</source>
        <translation>RFC 8247: SHOULD. Schnell, kompakt und schwer falsch zu implementieren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <location line="+2"/>
        <source>RFC 8247: MAY.</source>
        <translation>RFC 8247: MAY.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>RFC 8247: MUST. The group every IKE daemon speaks.</source>
        <translation>RFC 8247: MUST. Die Gruppe, die jeder IKE-Daemon beherrscht.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>RFC 8247: SHOULD NOT. Too small for today; use 2048 bits or an elliptic curve.</source>
        <translation>RFC 8247: SHOULD NOT. Für heute zu klein; nehmen Sie 2048 Bit oder eine elliptische Kurve.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RFC 8247: SHOULD NOT. Within reach of a well-funded attacker (Logjam); use 2048 bits or an elliptic curve.</source>
        <translation>RFC 8247: SHOULD NOT. In Reichweite eines gut ausgestatteten Angreifers (Logjam); nehmen Sie 2048 Bit oder eine elliptische Kurve.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RFC 8247: MUST NOT. Broken; use 2048 bits or an elliptic curve.</source>
        <translation>RFC 8247: MUST NOT. Gebrochen; nehmen Sie 2048 Bit oder eine elliptische Kurve.</translation>
    </message>
    <message>
        <location filename="../model/profile/Cidr.cpp" line="+45"/>
        <source>The address is empty.</source>
        <translation>Die Adresse ist leer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” has a prefix length; give the address alone.</source>
        <translation>„%1“ hat eine Präfixlänge; geben Sie nur die Adresse an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not an IPv4 or IPv6 address.</source>
        <translation>„%1“ ist keine IPv4- oder IPv6-Adresse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is an IPv4-mapped IPv6 address; give the IPv4 address %2 itself.</source>
        <translation>„%1“ ist eine IPv4-gemappte IPv6-Adresse; geben Sie die IPv4-Adresse %2 selbst an.</translation>
    </message>
    <message>
        <location filename="../model/profile/Validation.cpp" line="+20"/>
        <location filename="../remote/Deployer.cpp" line="+78"/>
        <source>gateway A</source>
        <translation>Gateway A</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../remote/Deployer.cpp" line="+0"/>
        <source>gateway B</source>
        <translation>Gateway B</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>network A</source>
        <translation>Netz A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>network B</source>
        <translation>Netz B</translation>
    </message>
    <message>
        <location filename="../remote/Deployer.cpp" line="+13"/>
        <source>not started</source>
        <translation>nicht begonnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unchanged (already up to date)</source>
        <translation>unverändert (schon aktuell)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>committed and confirmed</source>
        <translation>übernommen und bestätigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rolled back to its previous configuration</source>
        <translation>auf die vorige Konfiguration zurückgesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed before anything was changed</source>
        <translation>gescheitert, bevor etwas geändert wurde</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Line %1: only “%2 { … }” may stand at the top level (a rollback deletes that table and nothing else), not “%3”.</source>
        <translation>Zeile %1: Auf oberster Ebene darf nur „%2 { … }“ stehen (ein Zurücksetzen löscht diese Tabelle und sonst nichts), nicht „%3“.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Line %1: a string is not closed.</source>
        <translation>Zeile %1: Eine Zeichenkette ist nicht abgeschlossen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Line %1: a “}” closes nothing.</source>
        <translation>Zeile %1: Eine Klammer „}“ schließt nichts.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A “{” is not closed.</source>
        <translation>Eine Klammer „{“ wird nicht geschlossen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The rules may not include other files: a rollback could not undo what they do.</source>
        <translation>Die Regeln dürfen keine anderen Dateien einbinden: Ein Zurücksetzen könnte nicht rückgängig machen, was diese bewirken.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rules must define “%1 { … }” once (the table a rollback removes).</source>
        <translation>Die Regeln müssen „%1 { … }“ genau einmal definieren (die Tabelle, die ein Zurücksetzen entfernt).</translation>
    </message>
    <message>
        <location filename="../model/monitor/TunnelCorrelation.cpp" line="+127"/>
        <source>half-up: gateway A has %1 SA %2 → %3 (SPI 0x%4) with no twin on gateway B</source>
        <translation>halb aktiv: Gateway A hat die %1-SA %2 → %3 (SPI 0x%4) ohne Gegenstück auf Gateway B</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>half-up: gateway B has %1 SA %2 → %3 (SPI 0x%4) with no twin on gateway A</source>
        <translation>halb aktiv: Gateway B hat die %1-SA %2 → %3 (SPI 0x%4) ohne Gegenstück auf Gateway A</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>gateway %1 holds %2 SAs for %3: the older ones are left over from a rekey</source>
        <translation>Gateway %1 hält %2 SAs für %3: die älteren sind von einer Neuverschlüsselung übrig</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>one-sided counters: %1 → %2 (SPI 0x%3) rose by %4 bytes on the sender but not on the receiver</source>
        <translation>einseitige Zähler: %1 → %2 (SPI 0x%3) stieg beim Sender um %4 Byte, beim Empfänger nicht</translation>
    </message>
    <message>
        <location filename="../model/monitor/MonitorEvents.cpp" line="+64"/>
        <source>SA added: %1 %2 → %3, SPI %4</source>
        <translation>Neue SA: %1 %2 → %3, SPI %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SA rekeyed: %1 %2 → %3, new SPI %4 (was %5)</source>
        <translation>SA erneuert: %1 %2 → %3, neuer SPI %4 (vorher %5)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SA expired or removed: %1 %2 → %3, SPI %4</source>
        <translation>SA abgelaufen oder entfernt: %1 %2 → %3, SPI %4</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tunnel up: mature SAs in both directions on both gateways</source>
        <translation>Tunnel aktiv: betriebsbereite SAs in beiden Richtungen auf beiden Gateways</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tunnel half-up: an SA without its twin, or only one direction</source>
        <translation>Tunnel halb aktiv: eine SA ohne Gegenstück oder nur eine Richtung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tunnel down: no SA pair between the gateways</source>
        <translation>Tunnel unterbrochen: kein SA-Paar zwischen den Gateways</translation>
    </message>
    <message>
        <location filename="../model/lab/LabPlan.cpp" line="+60"/>
        <source>The lab cannot read “%1”: %2</source>
        <translation>Das Labor kann „%1“ nicht lesen: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lab builds IPv4 only; “%1” is IPv6.</source>
        <translation>Das Labor baut nur IPv4; „%1“ ist IPv6.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lab expects an address without a prefix here, not “%1”.</source>
        <translation>Das Labor erwartet hier eine Adresse ohne Präfix, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 lies in %2, which the lab keeps for its management links.</source>
        <translation>%1 liegt in %2, das das Labor für seine Verwaltungsverbindungen braucht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 lies in %2, which the lab uses for its internet router.</source>
        <translation>%1 liegt in %2, das das Labor für seinen Internet-Router braucht.</translation>
    </message>
    <message>
        <location filename="../model/import/IpsecConfImport.cpp" line="+200"/>
        <location filename="../model/import/SwanctlImport.cpp" line="+76"/>
        <source>The profile has no setting for “%1”.</source>
        <translation>Das Profil hat keine Einstellung für „%1“.</translation>
    </message>
    <message>
        <location filename="../model/import/SwanctlImport.cpp" line="+8"/>
        <source>A range of addresses; the profile takes it as an address that changes (%any).</source>
        <translation>Ein Adressbereich; das Profil nimmt ihn als wechselnde Adresse (%any).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Several addresses; the profile keeps the first, %1.</source>
        <translation>Mehrere Adressen; das Profil behält die erste, %1.</translation>
    </message>
    <message>
        <location filename="../model/import/ImportMerge.cpp" line="+32"/>
        <location line="+29"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::AlgorithmChoice</name>
    <message>
        <location filename="../widgets/AlgorithmChoice.cpp" line="+133"/>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1
%2: %3</source>
        <translation>%1
%2: %3</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::Algorithms</name>
    <message>
        <location filename="../model/profile/Algorithms.cpp" line="+57"/>
        <source>encryption algorithm</source>
        <translation>Verschlüsselungsalgorithmus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>integrity algorithm</source>
        <translation>Integritätsalgorithmus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PRF</source>
        <translation>PRF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diffie-Hellman group</source>
        <translation>Diffie-Hellman-Gruppe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>recommended</source>
        <translation>empfohlen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>acceptable</source>
        <translation>akzeptabel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deprecated</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forbidden</source>
        <translation>verboten</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::AlgorithmsPage</name>
    <message>
        <location filename="../widgets/AlgorithmsPage.cpp" line="+60"/>
        <source>Software and algorithms</source>
        <translation>Software und Algorithmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The IPsec software on each gateway and the algorithms both ends use. The preselection is a safe modern default; each choice shows its RFC 8221 / 8247 status.</source>
        <translation>Die IPsec-Software auf jedem Gateway und die Algorithmen beider Enden. Vorgewählt ist eine sichere, moderne Vorgabe; jede Wahl zeigt ihren Status nach RFC 8221 / 8247.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>IPsec software</source>
        <translation>IPsec-Software</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>strongSwan (swanctl) speaks IKEv2 and every modern algorithm. racoon (racoon-tool on Debian, racoon + setkey on the BSDs) speaks IKEv1 only, without AEAD ciphers or elliptic curves.</source>
        <translation>strongSwan (swanctl) spricht IKEv2 und jeden modernen Algorithmus. racoon (racoon-tool unter Debian, racoon + setkey auf den BSDs) spricht nur IKEv1, ohne AEAD-Chiffren und elliptische Kurven.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>IPsec software on gateway A</source>
        <translation>IPsec-Software auf Gateway A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IPsec software on gateway B</source>
        <translation>IPsec-Software auf Gateway B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gateway &amp;A:</source>
        <translation>Gateway &amp;A:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Gateway B:</source>
        <translation>&amp;Gateway B:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>IKE (phase 1): the key exchange</source>
        <translation>IKE (Phase 1): der Schlüsselaustausch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ESP (phase 2): the traffic</source>
        <translation>ESP (Phase 2): der Verkehr</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>IKE version</source>
        <translation>IKE-Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+246"/>
        <source>IKEv2 (RFC 7296)</source>
        <translation>IKEv2 (RFC 7296)</translation>
    </message>
    <message>
        <location line="-245"/>
        <source>IKEv1 (RFC 2409)</source>
        <translation>IKEv1 (RFC 2409)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IKEv2 is simpler, faster and more robust. IKEv1 is only for peers that speak nothing else, like racoon.</source>
        <translation>IKEv2 ist einfacher, schneller und robuster. IKEv1 ist nur für Gegenstellen gedacht, die nichts anderes sprechen, wie racoon.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>IKE &amp;version:</source>
        <translation>IKE-&amp;Version:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Encryption:</source>
        <translation>V&amp;erschlüsselung:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IKE encryption</source>
        <translation>IKE-Verschlüsselung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protects the IKE negotiation itself.</source>
        <translation>Schützt die IKE-Aushandlung selbst.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Integrity:</source>
        <translation>&amp;Integrität:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IKE integrity</source>
        <translation>IKE-Integrität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authenticates IKE messages; none with an AEAD cipher, which authenticates by itself.</source>
        <translation>Authentifiziert IKE-Nachrichten; „none“ bei einer AEAD-Chiffre, die selbst authentifiziert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;PRF:</source>
        <translation>&amp;PRF:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IKE pseudo-random function</source>
        <translation>IKE-Pseudozufallsfunktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Derives the keys from the Diffie-Hellman secret.</source>
        <translation>Leitet die Schlüssel aus dem Diffie-Hellman-Geheimnis ab.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diffie-&amp;Hellman group:</source>
        <translation>Diffie-&amp;Hellman-Gruppe:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IKE Diffie-Hellman group</source>
        <translation>IKE-Diffie-Hellman-Gruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key exchange; its strength caps the strength of every key derived from it.</source>
        <translation>Der Schlüsselaustausch; seine Stärke begrenzt die Stärke jedes daraus abgeleiteten Schlüssels.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Lifetime:</source>
        <translation>&amp;Lebensdauer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IKE lifetime in seconds</source>
        <translation>IKE-Lebensdauer in Sekunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the IKE SA lives before it is renewed (rekeyed), in seconds.</source>
        <translation>Wie lange die IKE SA lebt, bevor sie erneuert (neu verschlüsselt) wird, in Sekunden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Encr&amp;yption:</source>
        <translation>Vers&amp;chlüsselung:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ESP encryption</source>
        <translation>ESP-Verschlüsselung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypts the traffic between the two networks.</source>
        <translation>Verschlüsselt den Verkehr zwischen den beiden Netzen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In&amp;tegrity:</source>
        <translation>In&amp;tegrität:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ESP integrity</source>
        <translation>ESP-Integrität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authenticates every packet; none with an AEAD cipher, which authenticates by itself.</source>
        <translation>Authentifiziert jedes Paket; „none“ bei einer AEAD-Chiffre, die selbst authentifiziert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PF&amp;S group:</source>
        <translation>PF&amp;S-Gruppe:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ESP perfect forward secrecy group</source>
        <translation>ESP-Gruppe für Perfect Forward Secrecy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A fresh Diffie-Hellman exchange for every CHILD SA, so one stolen key does not open earlier traffic.</source>
        <translation>Ein frischer Diffie-Hellman-Austausch für jede CHILD SA, damit ein gestohlener Schlüssel keinen früheren Verkehr offenlegt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lifeti&amp;me:</source>
        <translation>Lebens&amp;dauer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ESP lifetime in seconds</source>
        <translation>ESP-Lebensdauer in Sekunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long each CHILD SA (the traffic keys) lives before it is renewed, in seconds; shorter than the IKE lifetime.</source>
        <translation>Wie lange jede CHILD SA (die Schlüssel für den Verkehr) lebt, bevor sie erneuert wird, in Sekunden; kürzer als die IKE-Lebensdauer.</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>= %1 h</source>
        <translation>= %1 h</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>= %1 min</source>
        <translation>= %1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>= %1 min %2 s</source>
        <translation>= %1 min %2 s</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>IKE needs one</source>
        <translation>IKE braucht eine</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IKE always needs a Diffie-Hellman group; “none” is only for PFS.</source>
        <translation>IKE braucht immer eine Diffie-Hellman-Gruppe; „none“ gibt es nur für PFS.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+18"/>
        <source>not with %1</source>
        <translation>nicht mit %1</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>%1 on gateway %2 cannot use %3 for %4.</source>
        <translation>%1 auf Gateway %2 kann %3 nicht für %4 verwenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IKE</source>
        <translation>IKE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ESP</source>
        <translation>ESP</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 authenticates by itself; the integrity algorithm must be none.</source>
        <translation>%1 authentifiziert selbst; der Integritätsalgorithmus muss „none“ sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>needs an AEAD cipher</source>
        <translation>braucht eine AEAD-Chiffre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Only an AEAD cipher (GCM, ChaCha20-Poly1305) goes without an integrity algorithm; %1 needs one.</source>
        <translation>Nur eine AEAD-Chiffre (GCM, ChaCha20-Poly1305) kommt ohne Integritätsalgorithmus aus; %1 braucht einen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Both gateways run racoon</source>
        <translation>Auf beiden Gateways läuft racoon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gateway A runs racoon</source>
        <translation>Auf Gateway A läuft racoon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gateway B runs racoon</source>
        <translation>Auf Gateway B läuft racoon</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>IKEv2 (RFC 7296) — not with racoon</source>
        <translation>IKEv2 (RFC 7296) – nicht mit racoon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, which speaks IKEv1 only.</source>
        <translation>%1, das nur IKEv1 spricht.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The current IKE; use it wherever both ends can.</source>
        <translation>Das aktuelle IKE; verwenden Sie es überall, wo beide Enden es können.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <source>RFC 9395 deprecates IKEv1; use it only for peers that speak nothing else.</source>
        <translation>RFC 9395 erklärt IKEv1 für veraltet; verwenden Sie es nur für Gegenstellen, die nichts anderes sprechen.</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>racoon uses its hash algorithm as PRF, so the PRF follows the IKE integrity choice.</source>
        <translation>racoon verwendet seinen Hash-Algorithmus als PRF; die PRF folgt daher der Wahl der IKE-Integrität.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: it speaks IKEv1 only, has no AEAD ciphers (GCM, ChaCha20) and no elliptic curves, and uses its hash as PRF. Only what both gateways can do is offered.</source>
        <translation>%1: Es spricht nur IKEv1, hat keine AEAD-Chiffren (GCM, ChaCha20) und keine elliptischen Kurven und verwendet seinen Hash als PRF. Angeboten wird nur, was beide Gateways können.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>RFC 7296: the current IKE.</source>
        <translation>RFC 7296: das aktuelle IKE.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::Ansible</name>
    <message>
        <location filename="../model/generate/AnsibleProject.cpp" line="+480"/>
        <source>The network has no managed gateway: there is nothing for Ansible to do.</source>
        <translation>Das Netz hat kein verwaltetes Gateway: Für Ansible gibt es nichts zu tun.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>The block “%1” of %2 has no markers.</source>
        <translation>Der Block „%1“ in %2 hat keine Markierungen.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>ansible-vault is not installed (Debian: apt-get install ansible-core).</source>
        <translation>ansible-vault ist nicht installiert (Debian: apt-get install ansible-core).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cannot be read.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ansible-vault did not start: %1</source>
        <translation>ansible-vault ist nicht gestartet: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ansible-vault failed: %1</source>
        <translation>ansible-vault ist gescheitert: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ansible-vault wrote something that is not a vault.</source>
        <translation>ansible-vault hat etwas geschrieben, das kein Vault ist.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::AuthenticationPage</name>
    <message>
        <location filename="../widgets/AuthenticationPage.cpp" line="+36"/>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both gateways prove who they are with one pre-shared key. It goes into the generated files only, and into a saved profile only if you say so.</source>
        <translation>Beide Gateways weisen sich mit einem gemeinsamen Pre-Shared Key aus. Er kommt nur in die erzeugten Dateien und nur auf Ihren Wunsch in ein gespeichertes Profil.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>Pre-shared key</source>
        <translation>Pre-Shared Key</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“0x” and hex digits, as racoon&apos;s psk.txt and swanctl both read it. You may paste a key of your own.</source>
        <translation>„0x“ und Hexziffern, so wie psk.txt von racoon und swanctl ihn lesen. Sie können auch einen eigenen Schlüssel einfügen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+68"/>
        <source>&amp;Show</source>
        <translation>Anzei&amp;gen</translation>
    </message>
    <message>
        <location line="-66"/>
        <location line="+67"/>
        <source>Show the key</source>
        <translation>Schlüssel anzeigen</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Show or hide the key on screen.</source>
        <translation>Den Schlüssel auf dem Bildschirm zeigen oder verbergen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the key</source>
        <translation>Schlüssel kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the key to the clipboard; it is cleared from there after 30 seconds.</source>
        <translation>Den Schlüssel in die Zwischenablage kopieren; dort wird er nach 30 Sekunden gelöscht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+121"/>
        <source>&amp;Generate new key</source>
        <translation>&amp;Neuen Schlüssel erzeugen</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>Generate a new key</source>
        <translation>Neuen Schlüssel erzeugen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A fresh 256-bit key from the kernel&apos;s random number generator.</source>
        <translation>Ein frischer 256-Bit-Schlüssel aus dem Zufallszahlengenerator des Kernels.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Identities (optional)</source>
        <translation>Identitäten (optional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How each gateway names itself in IKE. Leave empty to use its public address, which is what racoon expects; with strongSwan on both sides a host name or user@host works too.</source>
        <translation>Wie sich jedes Gateway in IKE nennt. Leer lassen, um seine öffentliche Adresse zu verwenden, wie racoon es erwartet; mit strongSwan auf beiden Seiten geht auch ein Hostname oder benutzer@host.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>An address, a host name or user@host; letters, digits and . : @ _ - only.</source>
        <translation>Eine Adresse, ein Hostname oder benutzer@host; nur Buchstaben, Ziffern und . : @ _ -.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Identity of gateway &amp;A:</source>
        <translation>Identität von Gateway &amp;A:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Identity of gateway A</source>
        <translation>Identität von Gateway A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity of gate&amp;way B:</source>
        <translation>Identität von Gateway &amp;B:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Identity of gateway B</source>
        <translation>Identität von Gateway B</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Hide</source>
        <translation>&amp;Verbergen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide the key</source>
        <translation>Schlüssel verbergen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Copied. The clipboard is cleared in %1 s if it still holds the key.</source>
        <translation>Kopiert. Die Zwischenablage wird in %1 s geleert, wenn sie den Schlüssel dann noch enthält.</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+1"/>
        <source>its public address</source>
        <translation>seine öffentliche Adresse</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>%1 (its public address)</source>
        <translation>%1 (seine öffentliche Adresse)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Generate key</source>
        <translation>Schlüssel &amp;erzeugen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;%1 bits&lt;/b&gt; of strength: safe against offline guessing (128 bits is the least).</source>
        <translation>&lt;b&gt;%1 Bit&lt;/b&gt; Stärke: sicher gegen Durchprobieren offline (128 Bit sind das Mindeste).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;%1 bits&lt;/b&gt; of strength.</source>
        <translation>&lt;b&gt;%1 Bit&lt;/b&gt; Stärke.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key strength</source>
        <translation>Schlüsselstärke</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::BundleExport</name>
    <message>
        <location filename="../widgets/BundleExport.cpp" line="+71"/>
        <source>tar.gz archive (*.tar.gz)</source>
        <translation>tar.gz-Archiv (*.tar.gz)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>zip archive (*.zip)</source>
        <translation>zip-Archiv (*.zip)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New folder (any name without .tar.gz or .zip)</source>
        <translation>Neuer Ordner (beliebiger Name ohne .tar.gz oder .zip)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export bundle</source>
        <translation>Paket exportieren</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+15"/>
        <source>Save profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Include the pre-shared key in the profile?</source>
        <translation>Den Pre-Shared Key ins Profil aufnehmen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With the key, anyone who can read the file can join the tunnel; it is written readable by you only (mode 0600). Without it, a new key is made when you generate again, and both gateways must be updated.</source>
        <translation>Mit dem Schlüssel kann jeder, der die Datei lesen kann, dem Tunnel beitreten; sie wird nur für Sie lesbar geschrieben (Rechte 0600). Ohne ihn wird beim nächsten Erzeugen ein neuer Schlüssel gemacht, und beide Gateways müssen aktualisiert werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Include the key</source>
        <translation>Schlüssel &amp;aufnehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Without the key</source>
        <translation>&amp;Ohne Schlüssel</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>IPsec Wizard profiles (*.json)</source>
        <translation>IPsec-Wizard-Profile (*.json)</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::CheckDialog</name>
    <message>
        <location filename="../widgets/CheckDialog.cpp" line="+31"/>
        <source>block %1 of %2</source>
        <translation>Block %1 von %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: as the profile makes it</source>
        <translation>%1: wie das Profil es erzeugt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: missing</source>
        <translation>%1: fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: differs</source>
        <translation>%1: weicht ab</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Check for drift: %1</source>
        <translation>Auf Abweichungen prüfen: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Gateways and their files</source>
        <translation>Gateways und ihre Dateien</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The selected file&apos;s differences</source>
        <translation>Die Abweichungen der gewählten Datei</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a file that differs to see its unified diff (keys shown as (key)).</source>
        <translation>Wählen Sie eine abweichende Datei, um ihr Unified Diff zu sehen (Schlüssel als (key) gezeigt).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check &amp;again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Reading %1 gateways…</source>
        <translation>%1 Gateways werden gelesen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading %1 gateways… The profile holds no key for %2, so no key is compared.</source>
        <translation>%1 Gateways werden gelesen … Das Profil enthält keinen Schlüssel für %2, daher wird kein Schlüssel verglichen.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1: cannot be reached: %2</source>
        <translation>%1: nicht erreichbar: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: drift</source>
        <translation>%1: Abweichung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1: no drift</source>
        <translation>%1: keine Abweichung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the daemon does not answer: %1</source>
        <translation>der Daemon antwortet nicht: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connection %1 is not loaded</source>
        <translation>Verbindung %1 ist nicht geladen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the kernel has no policy %1</source>
        <translation>der Kernel hat keine Policy %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2 gateways could not be reached; drift on %3 of the others.</source>
        <translation>%1 von %2 Gateways waren nicht erreichbar; Abweichungen bei %3 der übrigen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 gateways have drift: their files differ from what the profile makes, or a connection is not loaded.</source>
        <translation>%1 von %2 Gateways weichen ab: Ihre Dateien unterscheiden sich von dem, was das Profil erzeugt, oder eine Verbindung ist nicht geladen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No drift: every gateway has the profile&apos;s files and connections.</source>
        <translation>Keine Abweichung: Jedes Gateway hat die Dateien und Verbindungen des Profils.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::Checker</name>
    <message>
        <location filename="../model/profile/Validation.cpp" line="+40"/>
        <source>The connection name is empty.</source>
        <translation>Der Verbindungsname ist leer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection name “%1” may only hold letters A–Z, digits, “-” and “_”, at most 32 of them.</source>
        <translation>Der Verbindungsname „%1“ darf nur Buchstaben A–Z, Ziffern, „-“ und „_“ enthalten, höchstens 32 Zeichen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It names files and firewall tables on the gateways, e.g. “office-to-branch”.</source>
        <translation>Er benennt Dateien und Firewall-Tabellen auf den Gateways, z. B. „zentrale-filiale“.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 “%2” has host bits set; a network address ends in zero bits.</source>
        <translation>%1 „%2“ hat gesetzte Hostbits; eine Netzadresse endet auf Nullbits.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Did you mean %1?</source>
        <translation>Meinten Sie %1?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 “%2” is the whole internet: the tunnel would swallow the gateway&apos;s own traffic, including the SSH session that manages it.</source>
        <translation>%1 „%2“ ist das ganze Internet: Der Tunnel würde den eigenen Verkehr des Gateways verschlucken, auch die SSH-Sitzung, über die es verwaltet wird.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the network behind the gateway, e.g. 192.168.1.0/24.</source>
        <translation>Geben Sie das Netz hinter dem Gateway an, z. B. 192.168.1.0/24.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Network A is %1 but network B is %2; both ends of one tunnel must use the same address family.</source>
        <translation>Netz A ist %1, Netz B aber %2; beide Enden eines Tunnels müssen dieselbe Adressfamilie verwenden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Network B is the same as network A (%1); a tunnel joins two different networks.</source>
        <translation>Netz B ist dasselbe wie Netz A (%1); ein Tunnel verbindet zwei verschiedene Netze.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network B (%1) overlaps network A (%2); hosts in the overlap could not tell local from remote.</source>
        <translation>Netz B (%1) überschneidet sich mit Netz A (%2); Rechner in der Überschneidung könnten lokal und entfernt nicht unterscheiden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Renumber one side, or protect a smaller network.</source>
        <translation>Nummerieren Sie eine Seite um, oder schützen Sie ein kleineres Netz.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The public address of %1: %2</source>
        <translation>Die öffentliche Adresse von %1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The public address %1 of %2 lies inside %3 (%4), which the tunnel protects; IKE and ESP would be sent into the tunnel itself.</source>
        <translation>Die öffentliche Adresse %1 von %2 liegt in %3 (%4), das der Tunnel schützt; IKE und ESP würden in den Tunnel selbst geschickt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the address the gateway has on the internet side.</source>
        <translation>Geben Sie die Adresse an, die das Gateway auf der Internetseite hat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a usable public address.</source>
        <translation>%1 ist keine brauchbare öffentliche Adresse.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The internal address of %1: %2</source>
        <translation>Die interne Adresse von %1: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The internal address %1 of %2 is outside %3 (%4); the gateway needs an address inside the network it protects.</source>
        <translation>Die interne Adresse %1 von %2 liegt außerhalb von %3 (%4); das Gateway braucht eine Adresse in dem Netz, das es schützt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The default router of %1: %2</source>
        <translation>Der Standardrouter von %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The default router %1 is not on the public subnet %2 of %3, so it cannot be reached directly.</source>
        <translation>Der Standardrouter %1 liegt nicht im öffentlichen Subnetz %2 von %3 und ist daher nicht direkt erreichbar.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The identity of %1 may hold only letters, digits and . : @ _ - (an address, a host name or user@host).</source>
        <translation>Die Identität von %1 darf nur Buchstaben, Ziffern und . : @ _ - enthalten (eine Adresse, ein Hostname oder benutzer@host).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With racoon on either gateway the identity must be an address (racoon-tool identifies peers by address); “%1” is not one.</source>
        <translation>Mit racoon auf einem der Gateways muss die Identität eine Adresse sein (racoon-tool erkennt Gegenstellen an der Adresse); „%1“ ist keine.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave it empty to use the public address.</source>
        <translation>Lassen Sie sie leer, um die öffentliche Adresse zu verwenden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The SSH host of %1 is not a host name or address.</source>
        <translation>Der SSH-Host von %1 ist weder Hostname noch Adresse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The SSH user of %1 is not a valid user name.</source>
        <translation>Der SSH-Benutzer von %1 ist kein gültiger Benutzername.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The SSH port of %1 must be 1 to 65535.</source>
        <translation>Der SSH-Port von %1 muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Gateway A&apos;s public address and the protected networks use different address families; this wizard builds tunnels of one family.</source>
        <translation>Die öffentliche Adresse von Gateway A und die geschützten Netze gehören zu verschiedenen Adressfamilien; dieser Assistent baut Tunnel einer einzigen Familie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gateway B&apos;s public address and the protected networks use different address families; this wizard builds tunnels of one family.</source>
        <translation>Die öffentliche Adresse von Gateway B und die geschützten Netze gehören zu verschiedenen Adressfamilien; dieser Assistent baut Tunnel einer einzigen Familie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gateway A&apos;s public address is %1 but gateway B&apos;s is %2; IKE needs both of one family.</source>
        <translation>Die öffentliche Adresse von Gateway A ist %1, die von Gateway B aber %2; IKE braucht beide aus derselben Familie.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Both gateways have the public address %1; each end needs its own.</source>
        <translation>Beide Gateways haben die öffentliche Adresse %1; jedes Ende braucht eine eigene.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 does not reach %2 directly: %3 is not on its public subnet%4. The route to %5 will go the way %1 itself routes to %3: routes.sh asks the gateway (ip route get) when it runs, and the push reports the route it finds.</source>
        <translation>%1 erreicht %2 nicht direkt: %3 liegt nicht in seinem öffentlichen Subnetz%4. Die Route nach %5 nimmt den Weg, den %1 selbst zu %3 nimmt: routes.sh fragt beim Ausführen das Gateway (ip route get), und die Übertragung meldet die gefundene Route.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>To fix the next hop, give the default router of %1 (its ISP&apos;s router); if both gateways share one subnet, give the public address with its prefix (e.g. 203.0.113.1/24).</source>
        <translation>Um den nächsten Hop festzulegen, den Default-Router von %1 angeben (den Router seines Providers); teilen sich beide Gateways ein Subnetz, die öffentliche Adresse mit Präfix angeben (z. B. 203.0.113.1/24).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“%1” is not a known %2.</source>
        <translation>„%1“ ist kein bekannter %2.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose one of: %1.</source>
        <translation>Wählen Sie eines von: %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 must not be used: %2</source>
        <translation>%1 darf nicht verwendet werden: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is deprecated: %2</source>
        <translation>%1 ist veraltet: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (on %2) cannot use %3 for %4.</source>
        <translation>%1 (auf %2) kann %3 nicht für %4 verwenden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IKE (phase 1)</source>
        <translation>IKE (Phase 1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ESP (phase 2)</source>
        <translation>ESP (Phase 2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>racoon-tool.conf names AES without a key length, so racoon uses AES-128. Choose aes128, or run racoon or strongSwan on %1.</source>
        <translation>racoon-tool.conf nennt AES ohne Schlüssellänge, daher nimmt racoon AES-128. aes128 wählen oder auf %1 racoon oder strongSwan einsetzen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose an algorithm both gateways support, or run strongSwan on %1.</source>
        <translation>Wählen Sie einen Algorithmus, den beide Gateways können, oder betreiben Sie strongSwan auf %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The IKE version must be 1 or 2.</source>
        <translation>Die IKE-Version muss 1 oder 2 sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>racoon speaks IKEv1 only, and %1 runs racoon.</source>
        <translation>racoon spricht nur IKEv1, und auf %1 läuft racoon.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>gateway A</source>
        <translation>Gateway A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>gateway B</source>
        <translation>Gateway B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose IKEv1, or strongSwan on both gateways.</source>
        <translation>Wählen Sie IKEv1 oder strongSwan auf beiden Gateways.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>IKE always needs a Diffie-Hellman group.</source>
        <translation>IKE braucht immer eine Diffie-Hellman-Gruppe.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose curve25519 or modp2048.</source>
        <translation>Wählen Sie curve25519 oder modp2048.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>IKEv1 has no authenticated encryption for the IKE SA; %1 works with IKEv2 (and for ESP with either).</source>
        <translation>IKEv1 kennt für die IKE-SA keine authentifizierte Verschlüsselung; %1 geht mit IKEv2 (und für ESP mit beiden).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose aes256 with integrity sha256 for IKE, or IKEv2.</source>
        <translation>Wählen Sie für IKE aes256 mit Integrität sha256, oder IKEv2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>racoon uses its hash algorithm as PRF, so the PRF must equal the IKE integrity algorithm (%1).</source>
        <translation>racoon verwendet seinen Hash-Algorithmus als PRF; die PRF muss daher dem IKE-Integritätsalgorithmus (%1) entsprechen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the PRF to %1.</source>
        <translation>Setzen Sie die PRF auf %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The ESP lifetime (%1 s) is not shorter than the IKE lifetime (%2 s); CHILD SAs are normally rekeyed more often.</source>
        <translation>Die ESP-Lebensdauer (%1 s) ist nicht kürzer als die IKE-Lebensdauer (%2 s); CHILD SAs werden üblicherweise öfter neu verschlüsselt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 authenticates by itself; a separate integrity algorithm is not allowed with it.</source>
        <translation>%1 authentifiziert selbst; ein eigener Integritätsalgorithmus ist damit nicht erlaubt.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set integrity to none.</source>
        <translation>Setzen Sie die Integrität auf „none“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 does not authenticate; it needs an integrity algorithm.</source>
        <translation>%1 authentifiziert nicht; es braucht einen Integritätsalgorithmus.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose sha256.</source>
        <translation>Wählen Sie sha256.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The pre-shared key is empty.</source>
        <translation>Der Pre-Shared Key ist leer.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Generate one.</source>
        <translation>Erzeugen Sie einen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The pre-shared key holds spaces, quotes, “#”, “$”, “=”, “;”, braces, backslashes or non-ASCII characters, which psk.txt and swanctl.conf cannot carry safely.</source>
        <translation>Der Pre-Shared Key enthält Leerzeichen, Anführungszeichen, „#“, „$“, „=“, „;“, geschweifte Klammern, Backslashes oder Nicht-ASCII-Zeichen, die psk.txt und swanctl.conf nicht sicher aufnehmen können.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generate one (0x followed by hex digits).</source>
        <translation>Erzeugen Sie einen (0x gefolgt von Hexziffern).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The pre-shared key has only about %1 bits of strength; 128 bits is the least for a key an attacker can test offline.</source>
        <translation>Der Pre-Shared Key hat nur etwa %1 Bit Stärke; 128 Bit sind das Mindeste für einen Schlüssel, den ein Angreifer offline durchprobieren kann.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate one (256 bits).</source>
        <translation>Erzeugen Sie einen (256 Bit).</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::Cidr</name>
    <message>
        <location filename="../model/profile/Cidr.cpp" line="+8"/>
        <source>The network is empty; give it as ADDRESS/PREFIX, e.g. 192.168.1.0/24.</source>
        <translation>Das Netz ist leer; geben Sie es als ADRESSE/PRÄFIX an, z. B. 192.168.1.0/24.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is not an IPv4 or IPv6 network; give it as ADDRESS/PREFIX, e.g. 192.168.1.0/24.</source>
        <translation>„%1“ ist kein IPv4- oder IPv6-Netz; geben Sie es als ADRESSE/PRÄFIX an, z. B. 192.168.1.0/24.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is an IPv4-mapped IPv6 address; give the IPv4 network (%2) itself.</source>
        <translation>„%1“ ist eine IPv4-gemappte IPv6-Adresse; geben Sie das IPv4-Netz (%2) selbst an.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” has no prefix length; give it as ADDRESS/PREFIX, e.g. %1/%2.</source>
        <translation>„%1“ hat keine Präfixlänge; geben Sie es als ADRESSE/PRÄFIX an, z. B. %1/%2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1” has an invalid prefix length; it must be 0 to %2.</source>
        <translation>„%1“ hat eine ungültige Präfixlänge; sie muss zwischen 0 und %2 liegen.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::Cli</name>
    <message>
        <location filename="../app/Cli.cpp" line="+92"/>
        <source>Try &apos;ipsec-wizard --help&apos;.</source>
        <translation>Siehe „ipsec-wizard --help“.</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Give exactly one profile file.</source>
        <translation>Geben Sie genau eine Profildatei an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+71"/>
        <location line="+35"/>
        <location line="+104"/>
        <location line="+1586"/>
        <source> (in %1)</source>
        <translation> (in %1)</translation>
    </message>
    <message>
        <location line="-1784"/>
        <location line="+89"/>
        <location line="+450"/>
        <location line="+274"/>
        <location line="+300"/>
        <location line="+38"/>
        <location line="+26"/>
        <source>Cannot read %1: %2.</source>
        <translation>%1 lässt sich nicht lesen: %2.</translation>
    </message>
    <message>
        <location line="-1174"/>
        <source>%1 holds no key on its first line.</source>
        <translation>%1 enthält in der ersten Zeile keinen Schlüssel.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The profile holds no pre-shared key, and generating one side alone would give the two gateways different keys. Use --side both, --psk-file FILE, or save the profile with its key.</source>
        <translation>Das Profil enthält keinen Pre-Shared Key, und nur eine Seite zu erzeugen gäbe den beiden Gateways verschiedene Schlüssel. Verwenden Sie --side both oder --psk-file DATEI, oder speichern Sie das Profil mit seinem Schlüssel.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ipsec-wizard: note: a fresh pre-shared key was generated; it is in the generated files only.</source>
        <translation>ipsec-wizard: Hinweis: Ein frischer Pre-Shared Key wurde erzeugt; er steht nur in den erzeugten Dateien.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>validate needs one PROFILE.</source>
        <translation>validate braucht ein PROFIL.</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%1: valid (%n warning(s))</source>
        <translation>
            <numerusform>%1: gültig (%n Warnung)</numerusform>
            <numerusform>%1: gültig (%n Warnungen)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>upgrade needs one PROFILE.</source>
        <translation>upgrade braucht ein PROFIL.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is already format version %2; nothing changed.</source>
        <translation>%1 hat bereits Formatversion %2; nichts wurde geändert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 already exists; move it away first, so no earlier copy is lost.</source>
        <translation>%1 existiert bereits; zuerst woandershin verschieben, damit keine frühere Kopie verloren geht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot keep the old file as %1: %2</source>
        <translation>Die alte Datei lässt sich nicht als %1 aufbewahren: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: upgraded to format version %2 (%3 sites, %4 tunnels); the old file is %5.</source>
        <translation>%1: auf Formatversion %2 aktualisiert (%3 Standorte, %4 Tunnel); die alte Datei ist %5.</translation>
    </message>
    <message>
        <location line="+151"/>
        <location line="+1376"/>
        <source>a, b or both</source>
        <translation>a, b oder both</translation>
    </message>
    <message>
        <location line="-1375"/>
        <source>output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+91"/>
        <location line="+407"/>
        <source>file holding the pre-shared key</source>
        <translation>Datei mit dem Pre-Shared Key</translation>
    </message>
    <message>
        <location line="-490"/>
        <source>generate needs one PROFILE.</source>
        <translation>generate braucht ein PROFIL.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--side must be a, b or both, not “%1”.</source>
        <translation>--side muss a, b oder both sein, nicht „%1“.</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+8"/>
        <source>generate needs --out DIR.</source>
        <translation>generate braucht --out ORDNER.</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>%1 is a folder; a file must go there.</source>
        <translation>%1 ist ein Ordner; dort muss eine Datei hin.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is a file; a folder must go there.</source>
        <translation>%1 ist eine Datei; dort muss ein Ordner hin.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not writable.</source>
        <translation>%1 ist nicht beschreibbar.</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>a site of a network (format version 2) whose gateway to write; again for more</source>
        <translation>ein Standort eines Netzes (Formatversion 2), dessen Gateway geschrieben wird; für weitere erneut angeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every managed gateway of a network (format version 2)</source>
        <translation>jedes verwaltete Gateway eines Netzes (Formatversion 2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--gateway and --all take the keys from the profile; they go without --side and --psk-file.</source>
        <translation>--gateway und --all nehmen die Schlüssel aus dem Profil; sie gehen ohne --side und --psk-file.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--gateway and --all exclude each other.</source>
        <translation>--gateway und --all schließen einander aus.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>OUT.tar.gz, OUT.zip or a new folder</source>
        <translation>AUSGABE.tar.gz, AUSGABE.zip oder ein neuer Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replace every secret by a marked placeholder (for support tickets)</source>
        <translation>jedes Geheimnis durch einen markierten Platzhalter ersetzen (für Support-Tickets)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>put the pre-shared key in profile.json too</source>
        <translation>den Pre-Shared Key auch in profile.json schreiben</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>bundle needs one PROFILE.</source>
        <translation>bundle braucht ein PROFIL.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bundle needs -o OUT.</source>
        <translation>bundle braucht -o AUSGABE.</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+44"/>
        <source>Wrote %1 (%2 files).</source>
        <translation>%1 geschrieben (%2 Dateien).</translation>
    </message>
    <message>
        <location line="-60"/>
        <location line="+352"/>
        <source>--psk-file is for a tunnel between two gateways; a network takes each tunnel&apos;s key from the profile.</source>
        <translation>--psk-file gilt für einen Tunnel zwischen zwei Gateways; ein Netz nimmt den Schlüssel jedes Tunnels aus dem Profil.</translation>
    </message>
    <message>
        <location line="-167"/>
        <source>key length in bytes</source>
        <translation>Schlüssellänge in Byte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>psk takes no arguments.</source>
        <translation>psk nimmt keine Argumente.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--bytes needs a number.</source>
        <translation>--bytes braucht eine Zahl.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>
ipsec-wizard: interrupted: stopping the push and rolling back what it changed (interrupt again to quit at once; a committed gateway then rolls back by itself within %1 s)
</source>
        <translation>
ipsec-wizard: unterbrochen: halte die Übertragung an und setze zurück, was sie geändert hat (erneut unterbrechen, um sofort zu beenden; ein Gateway, das bereits übernommen hat, setzt dann innerhalb von %1 s selbst zurück)
</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>--firewall is for a tunnel between two gateways; a network&apos;s gateways load each tunnel&apos;s generated firewall.nft (--apply-firewall).</source>
        <translation>--firewall gilt für einen Tunnel zwischen zwei Gateways; die Gateways eines Netzes laden die erzeugte firewall.nft jedes Tunnels (--apply-firewall).</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>show every file and command, change nothing</source>
        <translation>jede Datei und jeden Befehl zeigen, nichts ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>do not ask before pushing</source>
        <translation>vor dem Übertragen nicht nachfragen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accept and record a gateway&apos;s host key that is not known yet</source>
        <translation>einen noch unbekannten Host-Schlüssel eines Gateways annehmen und speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSH private key for both gateways</source>
        <translation>privater SSH-Schlüssel für beide Gateways</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+893"/>
        <source>file whose first line is the SSH / sudo password (keep it 0600)</source>
        <translation>Datei, deren erste Zeile das SSH-/sudo-Passwort ist (mit Rechten 0600 aufbewahren)</translation>
    </message>
    <message>
        <location line="-892"/>
        <source>seconds before an unconfirmed gateway rolls back</source>
        <translation>Sekunden, bis ein unbestätigtes Gateway zurücksetzt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>apply these nftables rules (defining the tunnel&apos;s table) instead of the generated ones</source>
        <translation>diese nftables-Regeln (die die Tabelle des Tunnels definieren) statt der erzeugten anwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>skip the ping through the tunnel</source>
        <translation>den Ping durch den Tunnel auslassen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>push needs one PROFILE.</source>
        <translation>push braucht ein PROFIL.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--confirm-timeout must be 5 to 3600 seconds.</source>
        <translation>--confirm-timeout muss 5 bis 3600 Sekunden sein.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The profile holds no pre-shared key. Save the profile with its key (the wizard does), or give --psk-file FILE, so both gateways get the same key every time.</source>
        <translation>Das Profil enthält keinen Pre-Shared Key. Speichern Sie das Profil mit seinem Schlüssel (wie der Assistent es tut), oder geben Sie --psk-file DATEI an, damit beide Gateways jedes Mal denselben Schlüssel bekommen.</translation>
    </message>
    <message>
        <location line="+335"/>
        <source>the tunnel of a network to diagnose</source>
        <translation>der Tunnel eines Netzes, der untersucht wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only look at the gateways; do not start the tunnel</source>
        <translation>nur die Gateways ansehen; den Tunnel nicht starten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SSH private key file</source>
        <translation>Datei mit privatem SSH-Schlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>file holding the SSH password</source>
        <translation>Datei mit dem SSH-Passwort</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>The network has no managed gateway to watch.</source>
        <translation>Das Netz hat kein verwaltetes Gateway, das sich beobachten ließe.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>network %1</source>
        <translation>Netz %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, %2 SAs, %3 ms</source>
        <translation>%1, %2 SAs, %3 ms</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown: %1</source>
        <translation>unbekannt: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (seen from our end only)</source>
        <translation> (nur von unserem Ende aus gesehen)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>a managed site (a network) or a, b (a pair); again for more</source>
        <translation>ein verwalteter Standort (Netz) oder a, b (Paar); für weitere wiederholen</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+112"/>
        <source>file whose first line is the SSH password (keep it 0600)</source>
        <translation>Datei, deren erste Zeile das SSH-Passwort ist (mit Modus 0600)</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>check needs one PROFILE.</source>
        <translation>check braucht ein PROFIL.</translation>
    </message>
    <message>
        <location line="-425"/>
        <source>--gateway of a tunnel between two gateways is a or b.</source>
        <translation>--gateway eines Tunnels zwischen zwei Gateways ist a oder b.</translation>
    </message>
    <message>
        <location line="+475"/>
        <source>%1: cannot be reached: %2</source>
        <translation>%1: nicht erreichbar: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: no drift (%2 files or blocks of ours as the profile makes them; the connections loaded)</source>
        <translation>%1: keine Abweichung (%2 unserer Dateien oder Blöcke so, wie das Profil sie erzeugt; die Verbindungen geladen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: drift</source>
        <translation>%1: Abweichung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>block %1 of %2</source>
        <translation>Block %1 in %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>%1 is missing</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 differs:</source>
        <translation>%1 weicht ab:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the daemon does not answer: %1</source>
        <translation>der Daemon antwortet nicht: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connection %1 is not loaded</source>
        <translation>Verbindung %1 ist nicht geladen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>note: the profile holds no key for %1, so no key was compared.</source>
        <translation>Hinweis: Das Profil enthält keinen Schlüssel für %1, daher wurde kein Schlüssel verglichen.</translation>
    </message>
    <message>
        <location line="+222"/>
        <source>print the tools&apos; own output (key material masked)</source>
        <translation>die Ausgabe der Werkzeuge selbst ausgeben (Schlüsselmaterial maskiert)</translation>
    </message>
    <message>
        <location line="-1025"/>
        <source>ipsec-wizard: accepting the new %1 host key of %2: %3</source>
        <translation>ipsec-wizard: nehme den neuen %1-Host-Schlüssel von %2 an: %3</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>the tunnel to take off its gateways</source>
        <translation>der Tunnel, der von seinen Gateways genommen wird</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>remove needs one PROFILE.</source>
        <translation>remove braucht ein PROFIL.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>remove needs --tunnel NAME: the tunnel to take off.</source>
        <translation>remove braucht --tunnel NAME: den Tunnel, der entfernt wird.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The profile describes tunnel “%1”, not “%2”.</source>
        <translation>Das Profil beschreibt den Tunnel „%1“, nicht „%2“.</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>warning: </source>
        <translation>Warnung: </translation>
    </message>
    <message>
        <location line="-260"/>
        <source>FILE.svg or FILE.png</source>
        <translation>DATEI.svg oder DATEI.png</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>draw needs one PROFILE.</source>
        <translation>draw braucht ein PROFIL.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>draw needs -o FILE.svg or -o FILE.png.</source>
        <translation>draw braucht -o DATEI.svg oder -o DATEI.png.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>IPsec network %1</source>
        <translation>IPsec-Netz %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The drawing could not be made into a PNG image.</source>
        <translation>Die Zeichnung ließ sich nicht als PNG-Bild erzeugen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrote %1 (the drawing of “%2”).</source>
        <translation>%1 geschrieben (die Zeichnung von „%2“).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the project&apos;s folder</source>
        <translation>der Ordner des Projekts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a managed site to include; again for more (default: every one)</source>
        <translation>ein verwalteter Standort, der dazugehört; für weitere wiederholen (Vorgabe: alle)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write the keys&apos; file encrypted with ansible-vault and this password</source>
        <translation>die Schlüsseldatei mit ansible-vault und diesem Passwort verschlüsselt schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seconds a changed host waits for the fleet&apos;s confirmation</source>
        <translation>Sekunden, die ein geänderter Host auf die Bestätigung der Flotte wartet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ansible needs one PROFILE.</source>
        <translation>ansible braucht ein PROFIL.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ansible needs -o DIR, the project&apos;s folder.</source>
        <translation>ansible braucht -o ORDNER, den Ordner des Projekts.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--confirm-timeout must be a number of seconds from 10 to 3600.</source>
        <translation>--confirm-timeout muss eine Zahl von Sekunden zwischen 10 und 3600 sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a file; the project needs a folder.</source>
        <translation>%1 ist eine Datei; das Projekt braucht einen Ordner.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The network has no site “%1”.</source>
        <translation>Das Netz hat keinen Standort „%1“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Site “%1” is managed by someone else; its admin configures it.</source>
        <translation>Standort „%1“ wird von jemand anderem verwaltet; dessen Admin konfiguriert ihn.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The keys are in %1/%2, encrypted with ansible-vault.</source>
        <translation>Die Schlüssel stehen in %1/%2, mit ansible-vault verschlüsselt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The keys are in %1/%2 (0600): encrypt it with ansible-vault before it leaves this machine.</source>
        <translation>Die Schlüssel stehen in %1/%2 (0600): Verschlüsseln Sie die Datei mit ansible-vault, bevor sie diesen Rechner verlässt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run: cd %1 &amp;&amp; ansible-playbook site.yml --check --diff, then without --check.</source>
        <translation>Ausführen: cd %1 &amp;&amp; ansible-playbook site.yml --check --diff, danach ohne --check.</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>error: </source>
        <translation>Fehler: </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The network has no tunnel “%1”.</source>
        <translation>Das Netz hat keinen Tunnel „%1“.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tunnel “%1” has no pre-shared key in the profile; save the profile with its keys, so both ends get the same key every time.</source>
        <translation>Tunnel „%1“ hat keinen Pre-Shared Key im Profil; speichern Sie das Profil mit seinen Schlüsseln, damit beide Enden jedes Mal denselben Schlüssel bekommen.</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>push changes %n gateway(s); add --yes when no one can answer the question.</source>
        <translation>
            <numerusform>push ändert %n Gateway; geben Sie --yes an, wenn niemand die Frage beantworten kann.</numerusform>
            <numerusform>push ändert %n Gateways; geben Sie --yes an, wenn niemand die Frage beantworten kann.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove tunnel “%1” from %2? [y/N] </source>
        <translation>Tunnel „%1“ von %2 entfernen? [y/N] </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push network “%1” to %2? [y/N] </source>
        <translation>Netz „%1“ auf %2 übertragen? [y/N] </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>a network (format version 2): push to this site&apos;s gateway (repeat for more); default: every managed one</source>
        <translation>ein Netz (Formatversion 2): auf das Gateway dieses Standorts übertragen (für mehrere wiederholen); Vorgabe: jedes verwaltete</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>load firewall.nft as the tunnel&apos;s own nftables table (a network: every tunnel&apos;s of each gateway pushed)</source>
        <translation>firewall.nft als eigene nftables-Tabelle des Tunnels laden (ein Netz: die jedes Tunnels jedes übertragenen Gateways)</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>remove changes two gateways; add --yes when no one can answer the question.</source>
        <translation>remove ändert zwei Gateways; geben Sie --yes an, wenn niemand die Frage beantworten kann.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>push changes two gateways; add --yes when no one can answer the question.</source>
        <translation>push ändert zwei Gateways; geben Sie --yes an, wenn niemand die Rückfrage beantworten kann.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove tunnel “%1” from gateway A (%2) and gateway B (%3)? [y/N] </source>
        <translation>Tunnel „%1“ von Gateway A (%2) und Gateway B (%3) entfernen? [y/N] </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push tunnel “%1” to gateway A (%2) and gateway B (%3)? [y/N] </source>
        <translation>Tunnel „%1“ auf Gateway A (%2) und Gateway B (%3) übertragen? [y/N] </translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+845"/>
        <location line="+21"/>
        <source>gateway A: </source>
        <translation>Gateway A: </translation>
    </message>
    <message>
        <location line="-866"/>
        <location line="+845"/>
        <location line="+21"/>
        <source>gateway B: </source>
        <translation>Gateway B: </translation>
    </message>
    <message>
        <location line="-724"/>
        <source>the network has several tunnels; name one with --tunnel NAME.</source>
        <translation>das Netz hat mehrere Tunnel; nennen Sie einen mit --tunnel NAME.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the network has no tunnel “%1”.</source>
        <translation>das Netz hat keinen Tunnel „%1“.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Tunnel %1 is not up; it was not started (--no-initiate).</source>
        <translation>Tunnel %1 ist nicht aktiv; er wurde nicht gestartet (--no-initiate).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tunnel %1 did not come up.</source>
        <translation>Tunnel %1 ist nicht aufgebaut worden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tunnel %1 came up when started: no cause to report.</source>
        <translation>Tunnel %1 kam beim Start auf: keine Ursache zu melden.</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+4"/>
        <source>Tunnel %1 is up on both gateways.</source>
        <translation>Tunnel %1 ist auf beiden Gateways aktiv.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tunnel %1 is not up; it was not started (--no-initiate), and nothing else is wrong on the gateways.</source>
        <translation>Tunnel %1 ist nicht aktiv; er wurde nicht gestartet (--no-initiate), und sonst ist auf den Gateways nichts falsch.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tunnel %1 did not come up, and the logs of the attempt name no cause: read them with --json.</source>
        <translation>Tunnel %1 kam nicht auf, und die Protokolle des Versuchs nennen keine Ursache: Lesen Sie sie mit --json.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>print the causes as JSON</source>
        <translation>die Ursachen als JSON ausgeben</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No cause found in %1 and %2 lines of charon&apos;s log.</source>
        <translation>Keine Ursache gefunden in %1 und %2 Zeilen des charon-Protokolls.</translation>
    </message>
    <message>
        <location line="-196"/>
        <source>field: %1</source>
        <translation>Feld: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fix: %1</source>
        <translation>Abhilfe: %1</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>auto, setkey, setkey-spd, xfrm-state, xfrm-policy or swanctl</source>
        <translation>auto, setkey, setkey-spd, xfrm-state, xfrm-policy oder swanctl</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+158"/>
        <source>print JSON</source>
        <translation>JSON ausgeben</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>print key material instead of masking it</source>
        <translation>Schlüsselmaterial ausgeben statt es zu maskieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>parse needs one FILE (or - for standard input).</source>
        <translation>parse braucht eine DATEI (oder - für die Standardeingabe).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--format must be auto, setkey, setkey-spd, xfrm-state, xfrm-policy or swanctl.</source>
        <translation>--format muss auto, setkey, setkey-spd, xfrm-state, xfrm-policy oder swanctl sein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is larger than %2 MB; not a saved SA listing.</source>
        <translation>%1 ist größer als %2 MB; das ist keine gespeicherte SA-Liste.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1: %2 SAs, %3 policies, %4 IKE SAs
</source>
        <translation>%1: %2 SAs, %3 Policies, %4 IKE-SAs
</translation>
    </message>
    <message>
        <location line="+215"/>
        <source>read the gateway&apos;s /etc over SSH (changing nothing there)</source>
        <translation>das /etc des Gateways über SSH lesen (dort nichts ändern)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a known_hosts file checked after ~/.ssh/known_hosts</source>
        <translation>eine known_hosts-Datei, geprüft nach ~/.ssh/known_hosts</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>import needs a folder (a copy of the gateway&apos;s /etc or /etc/FLAVOUR) or its config files, or --from-gateway.</source>
        <translation>import braucht einen Ordner (eine Kopie von /etc oder /etc/FLAVOUR des Gateways) oder seine Konfigurationsdateien, oder --from-gateway.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>import reads either local files or --from-gateway, not both.</source>
        <translation>import liest entweder lokale Dateien oder --from-gateway, nicht beides.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>--site names one gateway; several are named after their hosts or folders.</source>
        <translation>--site benennt ein Gateway; mehrere werden nach ihren Hosts oder Ordnern benannt.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>import takes folders (one per gateway), or one gateway&apos;s files; “%1” is a folder among files.</source>
        <translation>import nimmt Ordner (einen je Gateway) oder die Dateien eines Gateways; „%1“ ist ein Ordner unter Dateien.</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>one poll, then exit (the default)</source>
        <translation>einmal abfragen, dann beenden (die Vorgabe)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>poll until interrupted</source>
        <translation>abfragen bis zur Unterbrechung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>print JSON (one object per poll), with the correlation</source>
        <translation>JSON ausgeben (ein Objekt pro Abfrage), mit der Zuordnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>auto, setkey, xfrm or swanctl</source>
        <translation>auto, setkey, xfrm oder swanctl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seconds between polls (at least 0.2)</source>
        <translation>Sekunden zwischen den Abfragen (mindestens 0.2)</translation>
    </message>
    <message>
        <location line="-319"/>
        <location line="+112"/>
        <location line="+208"/>
        <source>SSH private key</source>
        <translation>privater SSH-Schlüssel</translation>
    </message>
    <message>
        <location line="-1763"/>
        <source>Usage: ipsec-wizard [PROFILE]            open the wizard (on PROFILE)
       ipsec-wizard COMMAND [OPTIONS]

Builds a site-to-site IPsec VPN between two gateways: matching configs for both,
for racoon-tool, racoon + setkey or strongSwan, with a fresh pre-shared key.

Commands:
  validate PROFILE                       check a profile; every finding names its field
  upgrade PROFILE                        convert a format version 1 profile to version 2 in place
                                         (the old file is kept as PROFILE.v1)
  generate PROFILE --out DIR [--side a|b|both] [--psk-file FILE]
                                         write the gateways&apos; files under DIR/gateway-a, DIR/gateway-b
  generate PROFILE --out DIR --gateway NAME…|--all
                                         a network (format version 2): DIR/SITE/… per managed gateway
  bundle PROFILE -o OUT [--redact] [--include-psk] [--psk-file FILE]
                                         write a bundle: OUT.tar.gz, OUT.zip or a new folder
                                         (a network: a folder per managed gateway)
  draw PROFILE -o FILE.svg|FILE.png      the topology drawing (a network: every site and tunnel);
                                         no display needed
  ansible PROFILE -o DIR [--gateway NAME]… [--vault-password-file FILE] [--confirm-timeout S]
                                         an Ansible project that installs every managed gateway&apos;s files,
                                         commit-confirmed across the fleet (keys in a 0600 vars file)
  import PATH… [--format F] [--site NAME] [-o PROFILE [--include-psk]] [--json]
                                         a gateway&apos;s existing config (swanctl, ipsec.conf, racoon-tool,
                                         racoon + setkey) → a profile, and every line it did not use
                                         (PATH: a copy of its /etc or /etc/FLAVOUR, or the files)
  import --from-gateway USER@HOST[:PORT] [--known-hosts FILE] [--identity FILE] [--accept-new-host-key] …
                                         the same over SSH, with push&apos;s host-key rules; writes nothing there
  psk [--bytes N]                        print a random pre-shared key (default 32 bytes)
  push PROFILE [--dry-run] [--yes] [--accept-new-host-key] [--identity FILE] [--password-file FILE] [--psk-file FILE]
       [--confirm-timeout S] [--apply-firewall] [--firewall FILE] [--no-tunnel-test]
                                         push to both gateways over SSH, transactionally (exit 3:
                                         a gateway failed and both were rolled back)
  push NETWORK [--gateway NAME]… [--dry-run] [--yes] [--apply-firewall] [--no-tunnel-test] [--confirm-timeout S] …
                                         a network (format version 2): every managed gateway, or those
                                         named, in one transaction
  remove PROFILE --tunnel NAME [--dry-run] [--yes] [--accept-new-host-key] [--identity FILE] [--password-file FILE]
       [--confirm-timeout S]
                                         take the tunnel off both gateways (its files, marked blocks,
                                         policies, firewall table; nothing else), transactionally;
                                         in a network, off the gateways of its managed ends
  monitor PROFILE [--gateway a|b|both] [--once|--follow] [--raw|--json] [--source auto|setkey|xfrm|swanctl] [--password-file FILE]
       [--interval S] [--identity FILE] [--accept-new-host-key]
                                         the tunnel&apos;s SAs on each gateway, paired across the two
  monitor NETWORK [--once|--follow] [--json] [--source …] [--interval S] …
                                         every managed gateway of a network, polled side by side, and
                                         every tunnel&apos;s state (an unreachable gateway: unknown, with why)
  check PROFILE [--gateway NAME]… [--json] [--identity FILE] [--accept-new-host-key]
                                         drift: each managed gateway&apos;s files (ours only, keys masked) and
                                         loaded connections against the profile (exit 4: drift, 3: unreachable)
  diagnose PROFILE [--tunnel NAME] [--no-initiate] [--json] [--identity FILE] [--accept-new-host-key]
       [--password-file FILE]
                                         why a tunnel is down: both gateways over SSH, the tunnel
                                         started while their charon logs are read (exit 4: not up)
  diagnose --log FILE [--log FILE] [--json]
                                         the same from saved charon logs of both gateways
                                         (exit 4: a cause was found)
  diagnose PROFILE [--tunnel NAME] --fix [--yes]
                                         and make the fix of a kernel setting or a NAT rule on its
                                         gateway, commit-confirmed, after asking
  diagnose PROFILE [--tunnel NAME] --log FILE [--json]
                                         our gateway&apos;s saved log, with a peer someone else runs:
                                         what it sent against its settings sheet
  parse [--format auto|setkey|setkey-spd|xfrm-state|xfrm-policy|swanctl] [--json] [--reveal-keys] FILE|-
                                         parse saved setkey / ip xfrm / swanctl output
  lab up|down|status [--json]|exec NODE -- COMMAND|profile
                                         a local two-gateway lab (network namespaces, sshd,
                                         strongSwan); needs root
  lab down --all
                                         remove every lab on this machine, also one a killed run
                                         left without its state folder
  lab up --from PROFILE
                                         a lab of every site of PROFILE with its own addresses
                                         (NAT routers, an internet router); needs root
  lab renumber SITE
                                         move a dynamic site&apos;s gateway in that lab to its next address

Options:
  -h, --help     this text
  -v, --version  the version

The pre-shared key comes from the profile, from --psk-file, or is made fresh for both sides.
Exit status: 0 ok, 1 the input is wrong (the message names the field), 2 usage, 3 remote failure,
130 a push interrupted (Ctrl-C, SIGTERM): what it had changed is rolled back.
</source>
        <translation>Aufruf: ipsec-wizard [PROFIL]            den Assistenten öffnen (mit PROFIL)
        ipsec-wizard BEFEHL [OPTIONEN]

Baut ein Site-to-Site-IPsec-VPN zwischen zwei Gateways: passende Konfigurationen für beide,
für racoon-tool, racoon + setkey oder strongSwan, mit frischem Pre-Shared Key.

Befehle:
  validate PROFIL                        ein Profil prüfen; jeder Befund nennt sein Feld
  upgrade PROFIL                         ein Profil der Formatversion 1 an Ort und Stelle in Version 2 umwandeln
                                         (die alte Datei bleibt als PROFIL.v1 erhalten)
  generate PROFIL --out ORDNER [--side a|b|both] [--psk-file DATEI]
                                         die Dateien der Gateways nach ORDNER/gateway-a, ORDNER/gateway-b schreiben
  generate PROFIL --out ORDNER --gateway NAME…|--all
                                         ein Netz (Formatversion 2): ORDNER/STANDORT/… je verwaltetem Gateway
  bundle PROFIL -o AUSGABE [--redact] [--include-psk] [--psk-file DATEI]
                                         ein Paket schreiben: AUSGABE.tar.gz, AUSGABE.zip oder einen neuen Ordner
                                         (ein Netz: ein Ordner je verwaltetem Gateway)
  draw PROFIL -o DATEI.svg|DATEI.png     die Topologie-Zeichnung (ein Netz: jeder Standort und Tunnel);
                                         ohne Bildschirm
  ansible NETZ -o ORDNER [--gateway NAME]… [--vault-password-file DATEI] [--confirm-timeout S]
                                         ein Ansible-Projekt, das die Dateien jedes verwalteten Gateways installiert,
                                         mit Bestätigung über die ganze Flotte (Schlüssel in einer 0600-Variablendatei)
  import PFAD… [--format F] [--site NAME] [-o PROFIL [--include-psk]] [--json]
                                         die vorhandene Konfiguration eines Gateways (swanctl, ipsec.conf,
                                         racoon-tool, racoon + setkey) → ein Profil, und jede Zeile, die es nicht nutzt
                                         (PFAD: eine Kopie seines /etc oder /etc/FLAVOUR, oder die Dateien)
  import --from-gateway BENUTZER@HOST[:PORT] [--known-hosts DATEI] [--identity DATEI] [--accept-new-host-key] …
                                         dasselbe über SSH, mit den Host-Schlüssel-Regeln von push; ändert dort nichts
  psk [--bytes N]                        einen zufälligen Pre-Shared Key ausgeben (Vorgabe 32 Byte)
  push PROFIL [--dry-run] [--yes] [--accept-new-host-key] [--identity DATEI] [--password-file DATEI] [--psk-file DATEI]
       [--confirm-timeout S] [--apply-firewall] [--firewall DATEI] [--no-tunnel-test]
                                         per SSH auf beide Gateways übertragen, transaktional (Exit-Status 3:
                                         ein Gateway ist gescheitert, und beide wurden zurückgesetzt)
  push NETZ [--gateway NAME]… [--dry-run] [--yes] [--apply-firewall] [--no-tunnel-test] [--confirm-timeout S] …
                                         ein Netz (Formatversion 2): jedes verwaltete Gateway oder die genannten,
                                         in einer Transaktion
  remove PROFIL --tunnel NAME [--dry-run] [--yes] [--accept-new-host-key] [--identity DATEI] [--password-file DATEI]
       [--confirm-timeout S]
                                         den Tunnel von beiden Gateways nehmen (seine Dateien, markierten Blöcke,
                                         Richtlinien, Firewall-Tabelle; sonst nichts), transaktional;
                                         in einem Netz von den Gateways seiner verwalteten Enden
  monitor PROFIL [--gateway a|b|both] [--once|--follow] [--raw|--json] [--source auto|setkey|xfrm|swanctl] [--password-file DATEI]
       [--interval S] [--identity DATEI] [--accept-new-host-key]
                                         die SAs des Tunnels auf jedem Gateway, paarweise einander zugeordnet
  monitor NETZ [--once|--follow] [--json] [--source …] [--interval S] …
                                         jedes verwaltete Gateway eines Netzes, nebeneinander abgefragt, und
                                         der Zustand jedes Tunnels (ein unerreichbares Gateway: unbekannt, mit Grund)
  check PROFIL [--gateway NAME]… [--json] [--identity DATEI] [--accept-new-host-key]
                                         Abweichungen: die Dateien jedes verwalteten Gateways (nur unsere, Schlüssel
                                         maskiert) und geladene Verbindungen gegen das Profil (Exit 4: Abweichung, 3: unerreichbar)
  diagnose PROFIL [--tunnel NAME] [--no-initiate] [--json] [--identity DATEI] [--accept-new-host-key]
       [--password-file DATEI]
                                         warum ein Tunnel nicht steht: beide Gateways per SSH, der Tunnel
                                         gestartet, während ihre charon-Protokolle gelesen werden (Status 4: nicht aktiv)
  diagnose --log DATEI [--log DATEI] [--json]
                                         dasselbe aus gespeicherten charon-Protokollen beider Gateways
                                         (Status 4: eine Ursache gefunden)
  diagnose PROFIL [--tunnel NAME] --fix [--yes]
                                         und die Behebung (eine Kernel-Einstellung oder eine NAT-Regel) auf dessen
                                         Gateway vornehmen, mit Bestätigung, nach Rückfrage
  diagnose PROFIL [--tunnel NAME] --log DATEI [--json]
                                         das gespeicherte Protokoll unseres Gateways, mit einer Gegenstelle, die jemand
                                         anders betreibt: was sie sandte, gegen ihr Einstellungsblatt
  parse [--format auto|setkey|setkey-spd|xfrm-state|xfrm-policy|swanctl] [--json] [--reveal-keys] DATEI|-
                                         gespeicherte Ausgabe von setkey / ip xfrm / swanctl auswerten
  lab up|down|status [--json]|exec KNOTEN -- BEFEHL|profile
                                         ein lokales Labor mit zwei Gateways (Network Namespaces, sshd,
                                         strongSwan); braucht root
  lab down --all
                                         jedes Labor auf diesem Rechner entfernen, auch eines, das ein abgebrochener
                                         Lauf ohne seinen Zustandsordner hinterlassen hat
  lab up --from PROFIL
                                         ein Labor aus allen Standorten von PROFIL mit dessen eigenen Adressen
                                         (NAT-Router, ein Internet-Router); braucht root
  lab renumber STANDORT
                                         dem Gateway eines dynamischen Standorts in diesem Labor die nächste Adresse geben

Optionen:
  -h, --help     dieser Text
  -v, --version  die Version

Der Pre-Shared Key kommt aus dem Profil, aus --psk-file oder wird für beide Seiten frisch erzeugt.
Exit-Status: 0 ok, 1 die Eingabe ist falsch (die Meldung nennt das Feld), 2 falscher Aufruf, 3 Fehler auf einem Gateway,
130 eine Übertragung wurde unterbrochen (Strg-C, SIGTERM): was sie schon geändert hatte, wird zurückgesetzt.
</translation>
    </message>
    <message>
        <location line="+1082"/>
        <source>where: %1</source>
        <translation>wo: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>diagnose --fix makes it on %1: %2</source>
        <translation>diagnose --fix nimmt sie auf %1 vor: %2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The fix the program can make itself, on %1 (site %2), in a commit-confirmed push (undone unless the tunnel then works and the push is confirmed):</source>
        <translation>Die Behebung, die das Programm selbst vornehmen kann, auf %1 (Standort %2), in einer Übertragung mit Bestätigung (zurückgenommen, falls der Tunnel danach nicht funktioniert und die Übertragung nicht bestätigt wird):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>It lasts until the gateway restarts; to keep it: %1</source>
        <translation>Sie hält bis zum Neustart des Gateways; um sie zu behalten: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>diagnose --fix changes a gateway; add --yes when no one can answer the question.</source>
        <translation>diagnose --fix ändert ein Gateway; geben Sie --yes an, wenn niemand die Frage beantworten kann.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make this change on %1? [y/N] </source>
        <translation>Diese Änderung auf %1 vornehmen? [y/N] </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The change is confirmed. The tunnel, diagnosed again:</source>
        <translation>Die Änderung ist bestätigt. Der Tunnel, erneut untersucht:</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>None of these is a change the program makes itself (--fix): a kernel setting or a NAT exemption.</source>
        <translation>Keine davon ist eine Änderung, die das Programm selbst vornimmt (--fix): eine Kernel-Einstellung oder eine NAT-Ausnahme.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>diagnose PROFILE --log FILE holds a peer someone else runs against its settings sheet; both ends of “%1” are %2. Give both gateways&apos; logs instead: diagnose --log A --log B.</source>
        <translation>diagnose PROFIL --log DATEI hält eine Gegenstelle, die jemand anders betreibt, gegen ihr Einstellungsblatt; beide Enden von „%1“ sind %2. Geben Sie stattdessen die Protokolle beider Gateways an: diagnose --log A --log B.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>managed</source>
        <translation>verwaltet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>someone else&apos;s</source>
        <translation>fremd</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No cause found in %1 lines of %2&apos;s log: %3 sent nothing its settings sheet does not say.</source>
        <translation>Keine Ursache in %1 Zeilen des Protokolls von %2 gefunden: %3 sandte nichts, was sein Einstellungsblatt nicht vorsieht.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a gateway&apos;s charon or racoon log (file, journal, syslog or swanctl --log); give A&apos;s, then B&apos;s</source>
        <translation>das charon- oder racoon-Protokoll eines Gateways (Datei, Journal, Syslog oder swanctl --log); erst das von A, dann das von B</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>make the first cause&apos;s fix that the program can make itself (a kernel setting, a NAT exemption) on its gateway, commit-confirmed, after asking</source>
        <translation>die Behebung der ersten Ursache, die das Programm selbst vornehmen kann (eine Kernel-Einstellung, eine NAT-Ausnahme), auf deren Gateway vornehmen, mit Bestätigung, nach Rückfrage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>with --fix: do not ask before changing the gateway</source>
        <translation>mit --fix: vor der Änderung des Gateways nicht fragen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+189"/>
        <location line="+112"/>
        <location line="+208"/>
        <source>accept and record an unknown host key</source>
        <translation>einen unbekannten Host-Schlüssel annehmen und speichern</translation>
    </message>
    <message>
        <location line="-498"/>
        <source>diagnose needs a PROFILE (its gateways over SSH), or --log FILE (A&apos;s log) and --log FILE again for B&apos;s, or a PROFILE and --log FILE (our gateway&apos;s, with a peer someone else runs).</source>
        <translation>diagnose braucht ein PROFIL (dessen Gateways per SSH), oder --log DATEI (das Protokoll von A) und noch einmal --log DATEI für das von B, oder ein PROFIL und --log DATEI (das unseres Gateways, mit einer fremden Gegenstelle).</translation>
    </message>
    <message>
        <location line="+261"/>
        <source>the kernel has no policy %1</source>
        <translation>der Kernel hat keine Policy %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>swanctl, ipsec.conf, racoon-tool or racoon (default: from the files)</source>
        <translation>swanctl, ipsec.conf, racoon-tool oder racoon (Vorgabe: aus den Dateien)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the name of the site the files come from (default: local)</source>
        <translation>der Name des Standorts, von dem die Dateien stammen (Vorgabe: local)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write the profile here</source>
        <translation>das Profil hierhin schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keep the keys read in the profile (written 0600)</source>
        <translation>die gelesenen Schlüssel im Profil behalten (mit Rechten 0600 geschrieben)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>print the result as JSON (the profile without keys)</source>
        <translation>das Ergebnis als JSON ausgeben (das Profil ohne Schlüssel)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>--format is swanctl, ipsec.conf, racoon-tool or racoon, not “%1”.</source>
        <translation>--format ist swanctl, ipsec.conf, racoon-tool oder racoon, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--include-psk needs -o PROFILE: keys are never printed.</source>
        <translation>--include-psk braucht -o PROFILE: Schlüssel werden nie ausgegeben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--site needs a name.</source>
        <translation>--site braucht einen Namen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>--from-gateway is USER@HOST[:PORT], not “%1”.</source>
        <translation>--from-gateway ist BENUTZER@HOST[:PORT], nicht „%1“.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>No swanctl.conf, ipsec.conf, racoon-tool.conf or racoon.conf here; give the files or --format.</source>
        <translation>Hier gibt es keine swanctl.conf, ipsec.conf, racoon-tool.conf oder racoon.conf; geben Sie die Dateien oder --format an.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Imported %1 from %2 as site “%3”; sites: %4, tunnels: %5.</source>
        <translation>%1 aus %2 als Standort „%3“ importiert; Standorte: %4, Tunnel: %5.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported %1 from %2 and merged their tunnels (%3); sites: %4, tunnels: %5.</source>
        <translation>%1 aus %2 importiert und ihre Tunnel zusammengeführt (%3); Standorte: %4, Tunnel: %5.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 gateways</source>
        <translation>%1 Gateways</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>tunnel %1: %2 (%3) ⇄ %4 (%5), IKEv%6 %7, ESP %8; key: %9</source>
        <translation>Tunnel %1: %2 (%3) ⇄ %4 (%5), IKEv%6 %7, ESP %8; Schlüssel: %9</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>read, kept in the profile</source>
        <translation>gelesen, im Profil behalten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>read, not kept (--include-psk)</source>
        <translation>gelesen, nicht behalten (--include-psk)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none found</source>
        <translation>keiner gefunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lines not used: %1 (the profile has no room for them, or they did not read):</source>
        <translation>Nicht verwendete Zeilen: %1 (das Profil hat keinen Platz für sie, oder sie ließen sich nicht lesen):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Found:</source>
        <translation>Gefunden:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What validate says of the imported profile (fix it in the wizard):</source>
        <translation>Was validate zum importierten Profil sagt (beheben Sie es im Assistenten):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wrote %1%2.</source>
        <translation>%1%2 geschrieben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> with the keys (readable by you only)</source>
        <translation> mit den Schlüsseln (nur für Sie lesbar)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> without the keys</source>
        <translation> ohne die Schlüssel</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>monitor needs one PROFILE.</source>
        <translation>monitor braucht ein PROFIL.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--gateway must be a, b or both.</source>
        <translation>--gateway muss a, b oder both sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--source must be auto, setkey, xfrm or swanctl.</source>
        <translation>--source muss auto, setkey, xfrm oder swanctl sein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--interval must be 0.2 to 3600 seconds.</source>
        <translation>--interval muss 0.2 bis 3600 Sekunden sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--raw and --json exclude each other.</source>
        <translation>--raw und --json schließen einander aus.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--gateway and --raw are for a tunnel between two gateways; a network shows every managed gateway.</source>
        <translation>--gateway und --raw gelten für einen Tunnel zwischen zwei Gateways; ein Netz zeigt jedes verwaltete Gateway.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>ipsec-wizard: note: the output of %1 was cut at %2 MB</source>
        <translation>ipsec-wizard: Hinweis: die Ausgabe von %1 wurde bei %2 MB abgeschnitten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>== tunnel: %1, %2 SA pairs</source>
        <translation>== Tunnel: %1, %2 SA-Paare</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Cannot make a temporary folder: %1</source>
        <translation>Kann keinen temporären Ordner anlegen: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>lab needs up, down, status, exec, renumber or profile.</source>
        <translation>lab braucht up, down, status, exec, renumber oder profile.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lab script %1 is missing.</source>
        <translation>Das Labor-Skript %1 fehlt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>lab up takes nothing, or --from PROFILE.</source>
        <translation>lab up nimmt nichts oder --from PROFIL.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot run bash: %1</source>
        <translation>bash lässt sich nicht starten: %1</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>unknown option or command “%1”.</source>
        <translation>unbekannte Option oder unbekannter Befehl „%1“.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::CommitScript</name>
    <message>
        <location filename="../remote/CommitScript.cpp" line="+129"/>
        <source>%1 is not a setting the push can make and undo.</source>
        <translation>%1 ist keine Einstellung, die die Übertragung vornehmen und rückgängig machen kann.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a value for %2.</source>
        <translation>%1 ist kein Wert für %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is not a rule the push can insert and delete.</source>
        <translation>„%1“ ist keine Regel, die die Übertragung einfügen und wieder löschen kann.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::ConfReader</name>
    <message>
        <location filename="../model/import/IpsecConfImport.cpp" line="-142"/>
        <source>A setting outside of any section.</source>
        <translation>Eine Einstellung außerhalb jedes Abschnitts.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The include is not read: %1</source>
        <translation>Die include-Anweisung wird nicht gelesen: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not a section of ipsec.conf (conn NAME, config setup, ca NAME) or an include.</source>
        <translation>Kein Abschnitt von ipsec.conf (conn NAME, config setup, ca NAME) und keine include-Anweisung.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A second section of this name; strongSwan refuses it, and so does the import.</source>
        <translation>Ein zweiter Abschnitt dieses Namens; strongSwan lehnt ihn ab, und der Import ebenso.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This line is not “key=value”.</source>
        <translation>Diese Zeile ist nicht „key=value“.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Set again at %1:%2; the later value counts.</source>
        <translation>Erneut gesetzt in %1:%2; der spätere Wert zählt.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::ConfigBundle</name>
    <message>
        <location filename="../model/generate/ConfigBundle.cpp" line="+125"/>
        <source>Cannot make a zip archive</source>
        <translation>Es lässt sich kein zip-Archiv anlegen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot make a tar.gz archive</source>
        <translation>Es lässt sich kein tar.gz-Archiv anlegen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot create the archive.</source>
        <translation>Das Archiv lässt sich nicht anlegen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot write the archive</source>
        <translation>Das Archiv lässt sich nicht schreiben</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot add %1 to the archive</source>
        <translation>%1 lässt sich nicht zum Archiv hinzufügen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot finish the archive</source>
        <translation>Das Archiv lässt sich nicht abschließen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot put the archive in place.</source>
        <translation>Das Archiv lässt sich nicht an seinen Platz bringen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Already exists and is not an empty folder; choose a new folder name so nothing is overwritten.</source>
        <translation>Existiert bereits und ist kein leerer Ordner; wählen Sie einen neuen Ordnernamen, damit nichts überschrieben wird.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+363"/>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="-359"/>
        <source>Cannot create a folder in %1.</source>
        <translation>In %1 lässt sich kein Ordner anlegen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot replace the empty folder.</source>
        <translation>Der leere Ordner lässt sich nicht ersetzen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot put the bundle in place.</source>
        <translation>Das Paket lässt sich nicht an seinen Platz bringen.</translation>
    </message>
    <message>
        <location line="+273"/>
        <source>Tunnel “%1” has no pre-shared key.</source>
        <translation>Tunnel „%1“ hat keinen Pre-Shared Key.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>No output given.</source>
        <translation>Keine Ausgabe angegeben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Is a folder; give a file name ending in .tar.gz or .zip.</source>
        <translation>Ist ein Ordner; geben Sie einen Dateinamen mit .tar.gz oder .zip an.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::ConnMapper</name>
    <message>
        <location filename="../model/import/IpsecConfImport.cpp" line="+89"/>
        <source>config setup holds charon&apos;s global settings, which are not in the profile.</source>
        <translation>config setup enthält die globalen Einstellungen von charon, die nicht im Profil stehen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificate authorities are not in the profile; tunnels authenticate with a pre-shared key.</source>
        <translation>Zertifizierungsstellen sind nicht im Profil; Tunnel authentisieren sich mit einem Pre-Shared Key.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A second section of this name; strongSwan refuses it, and so does the import.</source>
        <translation>Ein zweiter Abschnitt dieses Namens; strongSwan lehnt ihn ab, und der Import ebenso.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>strongSwan does not load this connection (auto=ignore, or no auto=), and no loaded one takes it with also=.</source>
        <translation>strongSwan lädt diese Verbindung nicht (auto=ignore oder kein auto=), und keine geladene übernimmt sie mit also=.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No connection that strongSwan loads takes this setting (another value overrides it, or its section is not loaded).</source>
        <translation>Keine Verbindung, die strongSwan lädt, übernimmt diese Einstellung (ein anderer Wert überschreibt sie, oder ihr Abschnitt wird nicht geladen).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>There is no connection “%1” to take settings from.</source>
        <translation>Es gibt keine Verbindung „%1“, von der Einstellungen übernommen werden könnten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>also=%1 is a loop (that section is being read already); it is not read again.</source>
        <translation>also=%1 ist eine Schleife (dieser Abschnitt wird bereits gelesen); er wird nicht erneut gelesen.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The profile takes one IKE version; IKEv2 is kept.</source>
        <translation>Das Profil nimmt eine IKE-Version; IKEv2 wird behalten.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The address of the interface with the default route is not known here; give the site its address.</source>
        <translation>Die Adresse der Schnittstelle mit der Default-Route ist hier nicht bekannt; geben Sie dem Standort seine Adresse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not one address the profile can hold.</source>
        <translation>Keine einzelne Adresse, die das Profil aufnehmen kann.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>An identity the profile cannot express (a distinguished name, %any or a wildcard); the address is used.</source>
        <translation>Eine Identität, die das Profil nicht ausdrücken kann (ein Distinguished Name, %any oder ein Platzhalter); die Adresse wird verwendet.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+9"/>
        <source>Authentication by “%1” is not in the profile; tunnels authenticate with a pre-shared key.</source>
        <translation>Authentisierung per „%1“ ist nicht im Profil; Tunnel authentisieren sich mit einem Pre-Shared Key.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not a duration the profile can hold.</source>
        <translation>Keine Dauer, die das Profil aufnehmen kann.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The proposal is not one the profile can express: %1 The profile&apos;s default is kept.</source>
        <translation>Der Vorschlag ist keiner, den das Profil ausdrücken kann: %1 Die Vorgabe des Profils wird behalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Several proposals; the profile keeps the first, %1.</source>
        <translation>Mehrere Vorschläge; das Profil behält den ersten, %1.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Not a network the profile can hold (ranges, protocols, ports): %1.</source>
        <translation>Kein Netz, das das Profil aufnehmen kann (Bereiche, Protokolle, Ports): %1.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::DeployPage</name>
    <message>
        <location filename="../widgets/DeployPage.cpp" line="+13"/>
        <source>Deploy</source>
        <translation>Ausrollen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push the configuration to both gateways over SSH. Each gateway rolls back by itself unless the wizard confirms it over a fresh connection.</source>
        <translation>Die Konfiguration per SSH auf beide Gateways übertragen. Jedes Gateway setzt sich selbst zurück, wenn der Assistent es nicht über eine neue Verbindung bestätigt.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::DeployPanel</name>
    <message>
        <location filename="../widgets/DeployPanel.cpp" line="+31"/>
        <source>Gateway A</source>
        <translation>Gateway A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gateway B</source>
        <translation>Gateway B</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+125"/>
        <source>%1 over SSH</source>
        <translation>%1 über SSH</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>%1 SSH host</source>
        <translation>%1: SSH-Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host name or address the wizard connects to (empty: the public address)</source>
        <translation>Hostname oder Adresse, mit der sich der Assistent verbindet (leer: die öffentliche Adresse)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 SSH port</source>
        <translation>%1: SSH-Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gateway&apos;s SSH port (22 unless its sshd listens elsewhere)</source>
        <translation>Der SSH-Port des Gateways (22, sofern sein sshd nicht auf einem anderen lauscht)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 SSH user</source>
        <translation>%1: SSH-Benutzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>root, or a user who may use sudo (its password is asked for and sent to sudo&apos;s standard input)</source>
        <translation>root oder ein Benutzer, der sudo verwenden darf (sein Passwort wird erfragt und an die Standardeingabe von sudo geschickt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 SSH private key</source>
        <translation>%1: privater SSH-Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ssh-agent and ~/.ssh keys</source>
        <translation>ssh-agent und Schlüssel in ~/.ssh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A private key file; its passphrase is asked for when needed. Empty: ssh-agent, then the keys in ~/.ssh</source>
        <translation>Eine Datei mit privatem Schlüssel; seine Passphrase wird bei Bedarf erfragt. Leer: ssh-agent, dann die Schlüssel in ~/.ssh</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+104"/>
        <location line="+27"/>
        <source>not pushed yet</source>
        <translation>noch nicht übertragen</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ho&amp;st:</source>
        <translation>Ho&amp;st:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Po&amp;rt:</source>
        <translation>Po&amp;rt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Us&amp;er:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Key file:</source>
        <translation>Schlüssel&amp;datei:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ke&amp;y file:</source>
        <translation>Sch&amp;lüsseldatei:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result:</source>
        <translation>Ergebnis:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Confirm timeout in seconds</source>
        <translation>Bestätigungsfrist in Sekunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A gateway that is not confirmed within this time rolls back by itself, so a push that cuts the management path cannot lock you out.</source>
        <translation>Ein Gateway, das nicht innerhalb dieser Zeit bestätigt wird, setzt sich selbst zurück; so kann Sie eine Übertragung, die den Verwaltungszugang kappt, nicht aussperren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roll back unless confirmed &amp;within:</source>
        <translation>Zurücksetzen, wenn nicht bestätigt &amp;innerhalb:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect to both gateways, check their host keys and log in — nothing is changed</source>
        <translation>Mit beiden Gateways verbinden, ihre Host-Schlüssel prüfen und anmelden – es wird nichts geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dry run</source>
        <translation>&amp;Probelauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dry run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every file with its path and mode, and every command, in order — nothing is changed</source>
        <translation>Jede Datei mit Pfad und Rechten und jeder Befehl, der Reihe nach – es wird nichts geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+100"/>
        <source>&amp;Push to both gateways</source>
        <translation>Auf beide Gateways &amp;übertragen</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>Push to both gateways</source>
        <translation>Auf beide Gateways übertragen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preflight, upload, commit on both gateways at once, test the tunnel, then confirm; any failure rolls both back</source>
        <translation>Vorprüfung, Hochladen, Übernahme auf beiden Gateways zugleich, Tunneltest, dann Bestätigung; jeder Fehler setzt beide zurück</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move tunnel…</source>
        <translation>Tunnel &amp;entfernen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the tunnel from both gateways</source>
        <translation>Den Tunnel von beiden Gateways entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take this tunnel&apos;s files, marked blocks, policies and firewall table off both gateways, in the same transaction as a push; everything else on them stays</source>
        <translation>Die Dateien, markierten Blöcke, Richtlinien und die Firewall-Tabelle dieses Tunnels von beiden Gateways nehmen, in derselben Transaktion wie eine Übertragung; alles andere auf ihnen bleibt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the push</source>
        <translation>Übertragung abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the push; whatever was already committed is rolled back</source>
        <translation>Die Übertragung anhalten; was schon übernommen wurde, wird zurückgesetzt</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Push log</source>
        <translation>Übertragungsprotokoll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every step and command, with the time, in one colour per gateway</source>
        <translation>Jeder Schritt und jeder Befehl mit Uhrzeit, in einer eigenen Farbe pro Gateway</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Site %1 over SSH</source>
        <translation>Standort %1 über SSH</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>managed by someone else: not pushed (give its admin the settings sheet)</source>
        <translation>von jemand anderem verwaltet: wird nicht übertragen (geben Sie seinem Admin das Einstellungsblatt)</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>warning:</source>
        <translation>Warnung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Testing the SSH connections…</source>
        <translation>Teste die SSH-Verbindungen …</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>connected: %1 (host key %2)</source>
        <translation>verbunden: %1 (Host-Schlüssel %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connected, but a command failed</source>
        <translation>verbunden, aber ein Befehl schlug fehl</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>on site %1: %2</source>
        <translation>auf Standort %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push also makes the diagnosis&apos;s fix, undone with the rest if the push is rolled back: %1</source>
        <translation>Die Übertragung nimmt auch die Behebung aus der Diagnose vor, die mit dem Rest zurückgenommen wird, falls die Übertragung zurückgesetzt wird: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+96"/>
        <source>pushing…</source>
        <translation>übertrage …</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>Pushing to both gateways…</source>
        <translation>Übertrage auf beide Gateways …</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+100"/>
        <source>Pushed. %1</source>
        <translation>Übertragen. %1</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Push failed; both gateways are on their previous configuration. %1</source>
        <translation>Übertragung gescheitert; beide Gateways laufen mit ihrer vorigen Konfiguration. %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove the tunnel</source>
        <translation>Den Tunnel entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove tunnel “%1” from both gateways? Its own files, marked blocks, policies and firewall table go; everything else on the gateways stays. What is taken out is kept in /etc/ipsec-wizard/backups/.</source>
        <translation>Tunnel „%1“ von beiden Gateways entfernen? Seine eigenen Dateien, markierten Blöcke, Richtlinien und die Firewall-Tabelle gehen; alles andere auf den Gateways bleibt. Was entfernt wird, bleibt in /etc/ipsec-wizard/backups/ erhalten.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+55"/>
        <source>removing…</source>
        <translation>wird entfernt …</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Removing the tunnel from both gateways…</source>
        <translation>Der Tunnel wird von beiden Gateways entfernt …</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+58"/>
        <source>Removed. %1</source>
        <translation>Entfernt. %1</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Removal failed; both gateways are on their previous configuration. %1</source>
        <translation>Das Entfernen ist gescheitert; beide Gateways haben ihre vorherige Konfiguration. %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Tunnel “%1” has no key in the profile, and site “%2” is not part of this push: its gateway would keep the old key. Save the profile with its keys first, or push the whole network (ipsec-wizard push PROFILE).</source>
        <translation>Tunnel „%1“ hat keinen Schlüssel im Profil, und Standort „%2“ ist nicht Teil dieser Übertragung: Sein Gateway behielte den alten Schlüssel. Speichern Sie das Profil zuerst mit seinen Schlüsseln, oder übertragen Sie das ganze Netz (ipsec-wizard push PROFIL).</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Removing tunnel %1 from %2…</source>
        <translation>Tunnel %1 wird von %2 entfernt …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pushing to %1…</source>
        <translation>Übertrage auf %1 …</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Removal failed; the gateways are on their previous configuration. %1</source>
        <translation>Das Entfernen ist gescheitert; die Gateways haben ihre vorherige Konfiguration. %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Push failed; the gateways are on their previous configuration. %1</source>
        <translation>Übertragung gescheitert; die Gateways laufen mit ihrer vorigen Konfiguration. %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelling… (anything already committed is rolled back)</source>
        <translation>Breche ab … (bereits Übernommenes wird zurückgesetzt)</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::Deployer</name>
    <message>
        <location filename="../remote/Deployer.cpp" line="+450"/>
        <source>== %1: %2@%3:%4 (%5)</source>
        <translation>== %1: %2@%3:%4 (%5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one channel, as root: preflight (software, writable folders, IP forwarding, reverse-path filtering), then every file over its standard input, then the commit</source>
        <translation>ein Kanal, als root: Vorprüfung (Software, beschreibbare Ordner, IP-Forwarding, Reverse-Path-Filter), dann jede Datei über dessen Standardeingabe, dann die Übernahme</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>upload %1.ipsec-wizard-new  mode %2  %3 bytes%4</source>
        <translation>hochladen %1.ipsec-wizard-new  Rechte %2  %3 Byte%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  (holds the pre-shared key)</source>
        <translation>  (enthält den Pre-Shared Key)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>    only the marked block of %1 (%2): merged into the file as it is on the gateway</source>
        <translation>    nur der markierte Block von %1 (%2): in die Datei eingefügt, wie sie auf dem Gateway ist</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>upload %1/commit.sh  mode 0700</source>
        <translation>hochladen %1/commit.sh  Rechte 0700</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>run: setsid -f sh %1/commit.sh  — on the gateway, in order:</source>
        <translation>ausführen: setsid -f sh %1/commit.sh  – auf dem Gateway, der Reihe nach:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>    keep %1 as %1.ipsec-wizard-bak; remove %1</source>
        <translation>    %1 als %1.ipsec-wizard-bak aufheben; %1 entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>    keep %1 as %1.ipsec-wizard-bak; take the block %2 out of it</source>
        <translation>    %1 als %1.ipsec-wizard-bak aufheben; den Block %2 daraus entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>    keep %1 as %1.ipsec-wizard-bak; mv %1.ipsec-wizard-new %1</source>
        <translation>    %1 als %1.ipsec-wizard-bak aufheben; mv %1.ipsec-wizard-new %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>    nft delete table inet ipsec_wizard_%1, and the peer from the shared set unless another tunnel names it</source>
        <translation>    nft delete table inet ipsec_wizard_%1, und die Gegenstelle aus der gemeinsamen Menge, sofern kein anderer Tunnel sie nennt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>    nft -f /etc/ipsec-wizard/%1/firewall.nft</source>
        <translation>    nft -f /etc/ipsec-wizard/%1/firewall.nft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>    wait up to %1 s for the confirmation, else roll back</source>
        <translation>    bis zu %1 s auf die Bestätigung warten, sonst zurücksetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>    on confirmation, what was replaced moves to /etc/ipsec-wizard/backups/, a folder per push</source>
        <translation>    nach der Bestätigung kommt das Ersetzte nach /etc/ipsec-wizard/backups/, ein Ordner je Übertragung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>== tunnel test: on gateway A, ping -c 3 -I %1 %2; then list the SAs on both</source>
        <translation>== Tunneltest: auf Gateway A ping -c 3 -I %1 %2; dann die SAs auf beiden auflisten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>== confirm both over fresh SSH connections (touch %1/confirm)</source>
        <translation>== beide über neue SSH-Verbindungen bestätigen (touch %1/confirm)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>firewall rules: %1</source>
        <translation>Firewall-Regeln: %1</translation>
    </message>
    <message>
        <location line="+61"/>
        <location line="+46"/>
        <location line="+22"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>tunnel test: ping from %1 to %2</source>
        <translation>Tunneltest: Ping von %1 nach %2</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>the tunnel test failed: %1 cannot reach %2 through the tunnel (%3)</source>
        <translation>der Tunneltest ist gescheitert: %1 erreicht %2 nicht durch den Tunnel (%3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the tunnel carries traffic</source>
        <translation>der Tunnel transportiert Verkehr</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>a gateway could not be reached again to confirm; both gateways roll back</source>
        <translation>ein Gateway war zum Bestätigen nicht wieder erreichbar; beide Gateways setzen zurück</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>confirmation failed; both gateways roll back</source>
        <translation>Bestätigung gescheitert; beide Gateways setzen zurück</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>confirmation failed on %1, which did not answer the rollback (it rolls back by itself when its confirmation time runs out); %2 had already confirmed and keeps the new configuration, so the two gateways now differ. Push again.</source>
        <translation>Bestätigung auf %1 gescheitert, das auf das Zurücksetzen nicht geantwortet hat (es setzt sich selbst zurück, wenn seine Bestätigungsfrist abläuft); %2 war schon bestätigt und behält die neue Konfiguration, daher unterscheiden sich die beiden Gateways jetzt. Übertragung wiederholen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>confirmation failed on %1, which rolled back; %2 had already confirmed and keeps the new configuration, so the two gateways now differ. Push again.</source>
        <translation>Bestätigung auf %1 gescheitert, das zurückgesetzt hat; %2 war schon bestätigt und behält die neue Konfiguration, daher unterscheiden sich die beiden Gateways jetzt. Übertragung wiederholen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>pushed: gateway A %1, gateway B %2</source>
        <translation>übertragen: Gateway A %1, Gateway B %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>removed: gateway A %1, gateway B %2</source>
        <translation>entfernt: Gateway A %1, Gateway B %2</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::DiagnoseDialog</name>
    <message>
        <location filename="../widgets/DiagnoseDialog.cpp" line="+67"/>
        <source>Diagnose %1</source>
        <translation>%1 untersuchen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Causes found</source>
        <translation>Gefundene Ursachen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause, most likely first</source>
        <translation>Ursache, die wahrscheinlichste zuerst</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The selected cause</source>
        <translation>Die gewählte Ursache</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Causes</source>
        <translation>&amp;Ursachen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log of the first gateway:</source>
        <translation>Protokoll des ersten Gateways:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log of the second gateway:</source>
        <translation>Protokoll des zweiten Gateways:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lined up on the IKE packets both logs name: → a packet sent on the left and received on the right, ← the other way. A packet alone in its row has no partner in the other log: lost on the way, or not in that log.</source>
        <translation>An den IKE-Paketen ausgerichtet, die beide Protokolle nennen: → ein Paket, links gesendet und rechts empfangen, ← umgekehrt. Ein Paket allein in seiner Zeile hat kein Gegenstück im anderen Protokoll: unterwegs verloren oder nicht in jenem Protokoll.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Logs of both gateways, lined up on their packets</source>
        <translation>Protokolle beider Gateways, an ihren Paketen ausgerichtet</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Logs of the attempt</source>
        <translation>&amp;Protokolle des Versuchs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Push the profile again…</source>
        <translation>Profil erneut &amp;übertragen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The fix for these causes: push the profile to both gateways, commit-confirmed, as Deploy does.</source>
        <translation>Die Behebung dieser Ursachen: das Profil auf beide Gateways übertragen, mit Bestätigung, wie beim Bereitstellen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Make the fix…</source>
        <translation>Behebung &amp;vornehmen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;opy report</source>
        <translation>Bericht &amp;kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save report…</source>
        <translation>Bericht &amp;speichern …</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Looking at both gateways, then starting tunnel %1 while both charon logs are read…</source>
        <translation>Beide Gateways werden angesehen, dann wird Tunnel %1 gestartet, während beide charon-Protokolle gelesen werden …</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Tunnel %1 came up when started: no cause to report.</source>
        <translation>Tunnel %1 kam beim Start auf: keine Ursache zu melden.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>Tunnel %1 is up on both gateways.</source>
        <translation>Tunnel %1 ist auf beiden Gateways aktiv.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Tunnel %1 did not come up, and the logs of the attempt name no cause: read them in the tabs.</source>
        <translation>Tunnel %1 kam nicht auf, und die Protokolle des Versuchs nennen keine Ursache: Lesen Sie sie in den Reitern.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+165"/>
        <source>Field: %1</source>
        <translation>Feld: %1</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Evidence from %1</source>
        <translation>Belege von %1</translation>
    </message>
    <message>
        <location line="+74"/>
        <location line="+1"/>
        <source>The same packet, sent by %1 and received by %2.</source>
        <translation>Dasselbe Paket, gesendet von %1 und empfangen von %2.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>field: %1</source>
        <translation>Feld: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>where: %1</source>
        <translation>wo: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fix: %1</source>
        <translation>Behebung: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Where: %1</source>
        <translation>Wo: %1</translation>
    </message>
    <message>
        <location line="-329"/>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>Tunnel %1 is not up.</source>
        <translation>Tunnel %1 ist nicht aktiv.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What is wrong, most likely first:</source>
        <translation>Was nicht stimmt, das Wahrscheinlichste zuerst:</translation>
    </message>
    <message>
        <location line="+200"/>
        <location line="+1"/>
        <source>Log of %1:</source>
        <translation>Protokoll von %1:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Make the fix on %1…</source>
        <translation>Behebung auf %1 &amp;vornehmen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change on %1, in a commit-confirmed push of the profile: %2</source>
        <translation>Änderung auf %1, in einer Übertragung des Profils mit Bestätigung: %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&lt;p&gt;Make this change on %1, with the profile, in a commit-confirmed push?&lt;/p&gt;&lt;ul&gt;%2&lt;/ul&gt;&lt;p&gt;It is undone by itself unless the tunnel then works and the push is confirmed. It lasts until the gateway restarts; to keep it: %3&lt;/p&gt;</source>
        <translation>&lt;p&gt;Diese Änderung auf %1 mit dem Profil in einer Übertragung mit Bestätigung vornehmen?&lt;/p&gt;&lt;ul&gt;%2&lt;/ul&gt;&lt;p&gt;Sie wird von selbst zurückgenommen, falls der Tunnel danach nicht funktioniert und die Übertragung nicht bestätigt wird. Sie hält bis zum Neustart des Gateways; um sie zu behalten: %3&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Make the fix on %1</source>
        <translation>Behebung auf %1 vornehmen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Save the diagnosis</source>
        <translation>Diagnose speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Textdateien (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot save the diagnosis</source>
        <translation>Die Diagnose lässt sich nicht speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-272"/>
        <location line="+167"/>
        <source>Fix: %1</source>
        <translation>Abhilfe: %1</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::Diagnoser</name>
    <message>
        <location filename="../remote/Diagnoser.cpp" line="+110"/>
        <source>%1 on %2 differs from what the profile generates for tunnel %3 (edited by hand, by another tool, or from another version of the profile).</source>
        <translation>%1 auf %2 weicht von dem ab, was das Profil für Tunnel %3 erzeugt (von Hand geändert, von einem anderen Werkzeug oder aus einer anderen Version des Profils).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of tunnel %2 is missing on %3.</source>
        <translation>%1 von Tunnel %2 fehlt auf %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Push the profile again to put the file back, or make the change in the profile; `ipsec-wizard check` shows the whole difference.</source>
        <translation>Übertragen Sie das Profil erneut, um die Datei wiederherzustellen, oder nehmen Sie die Änderung ins Profil auf; `ipsec-wizard check` zeigt den ganzen Unterschied.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>%1 drops what comes out of the tunnel as spoofed: rp_filter is strict (1) for %2, where the tunnel&apos;s packets come in, and %1&apos;s route back to %3 leaves by %4 (an asymmetric route).</source>
        <translation>%1 verwirft, was aus dem Tunnel kommt, als gefälscht: rp_filter ist streng (1) für %2, wo die Pakete des Tunnels ankommen, und der Rückweg von %1 zu %3 führt über %4 (eine asymmetrische Route).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On %1: sysctl -w net.ipv4.conf.all.rp_filter=2 net.ipv4.conf.%2.rp_filter=2 (loose), and the same in /etc/sysctl.d/ so it stays; or route %3 back through the tunnel instead of by %4.</source>
        <translation>Auf %1: sysctl -w net.ipv4.conf.all.rp_filter=2 net.ipv4.conf.%2.rp_filter=2 (locker), und dasselbe in /etc/sysctl.d/, damit es bleibt; oder %3 durch den Tunnel statt über %4 zurückleiten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: net.ipv4.conf.all.rp_filter and net.ipv4.conf.%2.rp_filter: %3</source>
        <translation>%1: net.ipv4.conf.all.rp_filter und net.ipv4.conf.%2.rp_filter: %3</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>packets of %1 bytes with &quot;don&apos;t fragment&quot; pass (the largest %2&apos;s route to %3 takes)</source>
        <translation>Pakete von %1 Byte mit „nicht fragmentieren“ kommen durch (die größten, die die Route von %2 zu %3 nimmt)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: ping -M do -s %2 from %3 to %4 is answered, -s %5 is not</source>
        <translation>%1: ping -M do -s %2 von %3 nach %4 wird beantwortet, -s %5 nicht</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2, its way to %3, has MTU %4</source>
        <translation>%1: %2, sein Weg zu %3, hat die MTU %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An MTU black hole: packets of up to %1 bytes pass the tunnel, packets of %2 bytes are lost without a word (a link on the way has a smaller MTU, and the ICMP &quot;fragmentation needed&quot; that would say so does not come back).</source>
        <translation>Ein MTU-Schwarzes-Loch: Pakete bis %1 Byte kommen durch den Tunnel, Pakete von %2 Byte gehen wortlos verloren (eine Verbindung unterwegs hat eine kleinere MTU, und das ICMP „fragmentation needed“, das es melden würde, kommt nicht zurück).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clamp TCP&apos;s MSS to the path on both gateways (nftables, forward chain: tcp flags syn tcp option maxseg size set rt mtu) or lower the MTU of the narrow link&apos;s other end to match; and let ICMP type 3 code 4 through.</source>
        <translation>Begrenzen Sie die MSS von TCP auf beiden Gateways auf den Pfad (nftables, Forward-Kette: tcp flags syn tcp option maxseg size set rt mtu) oder senken Sie die MTU am anderen Ende der engen Verbindung passend; und lassen Sie ICMP Typ 3 Code 4 durch.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>ping from %1 (%2) to %3 (%4) through the tunnel: answered</source>
        <translation>Ping von %1 (%2) nach %3 (%4) durch den Tunnel: beantwortet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ping from %1 (%2) to %3 (%4) through the tunnel: no answer</source>
        <translation>Ping von %1 (%2) nach %3 (%4) durch den Tunnel: keine Antwort</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tunnel %1 is up, but a ping from %2 to %3 through it is not answered.</source>
        <translation>Tunnel %1 ist aktiv, aber ein Ping von %2 nach %3 durch ihn wird nicht beantwortet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look at both gateways&apos; firewall and NAT rules for the tunnel&apos;s networks, at rp_filter, and at their routes.</source>
        <translation>Prüfen Sie die Firewall- und NAT-Regeln beider Gateways für die Netze des Tunnels, rp_filter und ihre Routen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the tunnel&apos;s packets while 3 pings were sent: %1 out %2, %3 in %4, %3 out %5, %1 in %6</source>
        <translation>Pakete des Tunnels während 3 Pings: %1 hinaus %2, %3 herein %4, %3 hinaus %5, %1 herein %6</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2, line %3 of nft list ruleset: %4</source>
        <translation>%1: %2, Zeile %3 von nft list ruleset: %4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A NAT rule on %1 catches the tunnel&apos;s traffic before IPsec does (%2: %3): the packets leave with another source address, match no policy of the tunnel, and never enter it.</source>
        <translation>Eine NAT-Regel auf %1 fängt den Verkehr des Tunnels ab, bevor IPsec es tut (%2: %3): Die Pakete gehen mit einer anderen Absenderadresse hinaus, passen zu keiner Richtlinie des Tunnels und gelangen nie hinein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exempt the tunnel&apos;s traffic before that rule, on %1: nft insert rule %2 %3 %4 ip saddr %5 ip daddr %6 accept (and the same in the file that rule comes from, so it stays).</source>
        <translation>Nehmen Sie den Verkehr des Tunnels vor dieser Regel aus, auf %1: nft insert rule %2 %3 %4 ip saddr %5 ip daddr %6 accept (und dasselbe in der Datei, aus der die Regel stammt, damit es bleibt).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 sends nothing into the tunnel: the pings from %2 to %3 do not reach its SA (they leave by %4).</source>
        <translation>%1 schickt nichts in den Tunnel: Die Pings von %2 nach %3 erreichen seine SA nicht (sie gehen über %4 hinaus).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no route</source>
        <translation>keine Route</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look at %1&apos;s routes and output firewall rules for %2.</source>
        <translation>Prüfen Sie die Routen und ausgehenden Firewall-Regeln von %1 für %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ESP from %1 does not reach %2: %2&apos;s firewall drops it (%3), though IKE passes.</source>
        <translation>ESP von %1 erreicht %2 nicht: Die Firewall von %2 verwirft es (%3), obwohl IKE durchkommt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On %1, let ESP and ESP-in-UDP (udp 4500) from %2 in, before that rule.</source>
        <translation>Lassen Sie auf %1 ESP und ESP-in-UDP (udp 4500) von %2 herein, vor dieser Regel.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 sends into the tunnel, and %2 receives none of it: ESP (or ESP-in-UDP, udp 4500) is lost between them, though IKE passes.</source>
        <translation>%1 schickt in den Tunnel, und %2 empfängt nichts davon: ESP (oder ESP-in-UDP, udp 4500) geht zwischen ihnen verloren, obwohl IKE durchkommt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Let ESP and udp 4500 through every firewall and NAT between %1 and %2 (IKE alone on udp 500 is not enough).</source>
        <translation>Lassen Sie ESP und udp 4500 durch jede Firewall und jedes NAT zwischen %1 und %2 (IKE allein auf udp 500 genügt nicht).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 receives the pings through the tunnel and does not answer them%2.</source>
        <translation>%1 empfängt die Pings durch den Tunnel und beantwortet sie nicht%2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>: a firewall rule may drop them (%1)</source>
        <translation>: eine Firewall-Regel verwirft sie vielleicht (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look at %1&apos;s input and forward rules and rp_filter for %2.</source>
        <translation>Prüfen Sie die Eingangs- und Weiterleitungsregeln und rp_filter von %1 für %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 answers through the tunnel, and %2 receives none of it: ESP from %1 is lost on the way back%3.</source>
        <translation>%1 antwortet durch den Tunnel, und %2 empfängt nichts davon: ESP von %1 geht auf dem Rückweg verloren%3.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (%1&apos;s firewall drops it: %2)</source>
        <translation> (die Firewall von %1 verwirft es: %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let ESP and ESP-in-UDP (udp 4500) from %1 in on %2 and on the way.</source>
        <translation>Lassen Sie ESP und ESP-in-UDP (udp 4500) von %1 auf %2 und unterwegs herein.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The answers come back through the tunnel, and %1 does not take them (a firewall rule, or rp_filter).</source>
        <translation>Die Antworten kommen durch den Tunnel zurück, und %1 nimmt sie nicht an (eine Firewall-Regel oder rp_filter).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look at %1&apos;s input rules and rp_filter for %2.</source>
        <translation>Prüfen Sie die Eingangsregeln und rp_filter von %1 für %2.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 cannot be reached over SSH: %2</source>
        <translation>%1 ist per SSH nicht erreichbar: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the SSH target of %1 (host, port, user, key) and that it is up.</source>
        <translation>Prüfen Sie das SSH-Ziel von %1 (Host, Port, Benutzer, Schlüssel) und ob es läuft.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The IKE daemon (charon) does not answer on %1.</source>
        <translation>Der IKE-Dienst (charon) antwortet auf %1 nicht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start strongSwan on %1 (systemctl start strongswan), then push again.</source>
        <translation>Starten Sie strongSwan auf %1 (systemctl start strongswan), dann übertragen Sie erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection %1 is not loaded on %2.</source>
        <translation>Die Verbindung %1 ist auf %2 nicht geladen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push the profile again (or run swanctl --load-all on %1).</source>
        <translation>Übertragen Sie das Profil erneut (oder führen Sie swanctl --load-all auf %1 aus).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: swanctl --list-conns does not list %2</source>
        <translation>%1: swanctl --list-conns führt %2 nicht auf</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 does not forward IPv4 (net.ipv4.ip_forward is 0): the tunnel can come up, but nothing passes between its networks and the tunnel.</source>
        <translation>%1 leitet kein IPv4 weiter (net.ipv4.ip_forward ist 0): Der Tunnel kann aufkommen, aber zwischen seinen Netzen und dem Tunnel geht nichts durch.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On %1: sysctl -w net.ipv4.ip_forward=1, and the same in /etc/sysctl.d/ so it stays after a reboot.</source>
        <translation>Auf %1: sysctl -w net.ipv4.ip_forward=1, und dasselbe in /etc/sysctl.d/, damit es einen Neustart übersteht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: /proc/sys/net/ipv4/ip_forward is 0</source>
        <translation>%1: /proc/sys/net/ipv4/ip_forward ist 0</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tunnel %1 is half-up: %2 holds its SAs, %3 has none (%3&apos;s charon restarted or lost them), so what %2 sends into the tunnel is dropped.</source>
        <translation>Tunnel %1 ist halb aufgebaut: %2 hält seine SAs, %3 hat keine (der charon von %3 wurde neu gestartet oder hat sie verloren), daher wird verworfen, was %2 in den Tunnel schickt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start it again: on %1, swanctl --terminate --ike %2, then swanctl --initiate --child %2 (or wait for dead peer detection, 30 s, to do the same).</source>
        <translation>Starten Sie ihn neu: auf %1 swanctl --terminate --ike %2, dann swanctl --initiate --child %2 (oder warten Sie, bis die Dead Peer Detection nach 30 s dasselbe tut).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: swanctl --list-sas shows %2 INSTALLED</source>
        <translation>%1: swanctl --list-sas zeigt %2 INSTALLED</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: swanctl --list-sas shows no SA of %2</source>
        <translation>%1: swanctl --list-sas zeigt keine SA von %2</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>%1&apos;s files differ from what the profile generates: the change was made there.</source>
        <translation>Die Dateien von %1 weichen von dem ab, was das Profil erzeugt: Dort wurde geändert.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>There is no such tunnel.</source>
        <translation>Diesen Tunnel gibt es nicht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tunnel “%1” joins a site that is not there.</source>
        <translation>Tunnel „%1“ verbindet einen Standort, den es nicht gibt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>diagnose reads charon over SSH; site “%1” runs %2, whose saved logs it decodes offline only (diagnose --log).</source>
        <translation>diagnose liest charon über SSH; Standort „%1“ läuft mit %2, dessen gespeicherte Protokolle es nur offline entschlüsselt (diagnose --log).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>gateway A</source>
        <translation>Gateway A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>gateway B</source>
        <translation>Gateway B</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::DriftChecker</name>
    <message>
        <location filename="../remote/DriftChecker.cpp" line="+80"/>
        <source>%1 cannot be read as %2: check needs root on the gateway.</source>
        <translation>%1 kann als %2 nicht gelesen werden: check braucht root auf dem Gateway.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The gateway did not list every file (is base64 there?).</source>
        <translation>Das Gateway hat nicht jede Datei aufgeführt (ist base64 vorhanden?).</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>“%1” is not a managed site of the network.</source>
        <translation>„%1“ ist kein verwalteter Standort des Netzes.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::FileWriter</name>
    <message>
        <location filename="../model/profile/FileWriter.cpp" line="+34"/>
        <source>Cannot create the folder.</source>
        <translation>Der Ordner lässt sich nicht anlegen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot open the folder: %1.</source>
        <translation>Der Ordner lässt sich nicht öffnen: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot flush the files to disk: %1.</source>
        <translation>Die Dateien lassen sich nicht auf die Platte schreiben: %1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot create a file in %1: %2.</source>
        <translation>In %1 lässt sich keine Datei anlegen: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot set the file mode</source>
        <translation>Die Dateirechte lassen sich nicht setzen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot write the file</source>
        <translation>Die Datei lässt sich nicht schreiben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot flush the file to disk</source>
        <translation>Die Datei lässt sich nicht auf die Platte schreiben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot close the file: %1.</source>
        <translation>Die Datei lässt sich nicht schließen: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot put the file in place: %1.</source>
        <translation>Die Datei lässt sich nicht an ihren Platz bringen: %1.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::Flavour</name>
    <message>
        <location filename="../model/profile/Flavour.cpp" line="+20"/>
        <source>racoon-tool (Debian racoon, the seed&apos;s way)</source>
        <translation>racoon-tool (Debian-racoon, wie in der Vorlage)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>racoon + setkey (ipsec-tools, BSDs)</source>
        <translation>racoon + setkey (ipsec-tools, BSDs)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>strongSwan (swanctl)</source>
        <translation>strongSwan (swanctl)</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::GatewayImport</name>
    <message>
        <location filename="../widgets/GatewayImport.cpp" line="+35"/>
        <source>No swanctl.conf, ipsec.conf, racoon-tool.conf or racoon.conf there.</source>
        <translation>Dort gibt es keine swanctl.conf, ipsec.conf, racoon-tool.conf oder racoon.conf.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The port of %1 is not 1 to 65535.</source>
        <translation>Der Port von %1 liegt nicht zwischen 1 und 65535.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Give a folder, a config file, or USER@HOST of the gateway.</source>
        <translation>Geben Sie einen Ordner, eine Konfigurationsdatei oder BENUTZER@HOST des Gateways an.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 does not exist here, and it is not USER@HOST of a gateway.</source>
        <translation>%1 gibt es hier nicht, und es ist kein BENUTZER@HOST eines Gateways.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sites: %1; tunnels: %2.</source>
        <translation>Standorte: %1; Tunnel: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tunnel %1: %2 (%3) ⇄ %4 (%5), key %6.</source>
        <translation>Tunnel %1: %2 (%3) ⇄ %4 (%5), Schlüssel %6.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>read (kept only in memory unless you save the profile with it)</source>
        <translation>gelesen (nur im Speicher, außer Sie speichern das Profil mit ihm)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 lines were not used; see the details.</source>
        <translation>%1 Zeilen wurden nicht verwendet; siehe Details.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 findings; see the details.</source>
        <translation>%1 Befunde; siehe Details.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::GatewayJob</name>
    <message>
        <location filename="../remote/Deployer.cpp" line="-593"/>
        <location line="+213"/>
        <location line="+5"/>
        <source>gateway reports: %1</source>
        <translation>Gateway meldet: %1</translation>
    </message>
    <message>
        <location line="-209"/>
        <source>connecting to %1@%2:%3</source>
        <translation>verbinde mit %1@%2:%3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>connected; host key %1 %2</source>
        <translation>verbunden; Host-Schlüssel %1 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+18"/>
        <source>working as root through sudo</source>
        <translation>arbeite als root über sudo</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>sudo password for %1@%2</source>
        <translation>sudo-Passwort für %1@%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not root and sudo needs a password, but none was given. Fix: connect as root, allow NOPASSWD sudo (recommended: see the README&apos;s security model), or give the password.</source>
        <translation>%1 ist nicht root, und sudo braucht ein Passwort, aber es wurde keines angegeben. Abhilfe: als root verbinden, sudo mit NOPASSWD erlauben (empfohlen: siehe das Sicherheitsmodell in der README) oder das Passwort angeben.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>sudo refused the password for %1.</source>
        <translation>sudo hat das Passwort für %1 abgelehnt.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 is not installed; %2 needs it. Fix: install it (Debian: %3).</source>
        <translation>%1 ist nicht installiert; %2 braucht es. Abhilfe: installieren (Debian: %3).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot write %1. Fix: connect as root, or as a user allowed to write there.</source>
        <translation>%1 lässt sich nicht schreiben. Abhilfe: als root verbinden oder als Benutzer, der dort schreiben darf.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IP forwarding is off, so the gateway will not pass traffic between the networks. Fix: sysctl -w %1=1 (and set it in /etc/sysctl.d/).</source>
        <translation>IP-Forwarding ist aus, daher leitet das Gateway keinen Verkehr zwischen den Netzen weiter. Abhilfe: sysctl -w %1=1 (und in /etc/sysctl.d/ eintragen).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>route to the peer %1: %2</source>
        <translation>Route zur Gegenstelle %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this gateway has no route to the peer %1 (%2), so IKE cannot reach it. Fix: give the gateway a route (or a default route), or give its default router in the profile.</source>
        <translation>dieses Gateway hat keine Route zur Gegenstelle %1 (%2), daher erreicht IKE sie nicht. Abhilfe: dem Gateway eine Route (oder eine Default-Route) geben oder seinen Default-Router im Profil angeben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>strict reverse-path filtering (rp_filter=1) can drop the tunnel&apos;s decrypted packets. Fix: sysctl -w net.ipv4.conf.all.rp_filter=2 (loose).</source>
        <translation>strikte Reverse-Path-Filterung (rp_filter=1) kann die entschlüsselten Pakete des Tunnels verwerfen. Abhilfe: sysctl -w net.ipv4.conf.all.rp_filter=2 (lose).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>preflight, then upload and commit on one channel</source>
        <translation>Vorprüfung, dann Hochladen und Übernahme auf einem Kanal</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>upload %1 (mode %2, %3 bytes)</source>
        <translation>hochladen %1 (Rechte %2, %3 Byte)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>upload %1 (mode 0700)</source>
        <translation>hochladen %1 (Rechte 0700)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every file is already in place; checking the daemon has it</source>
        <translation>alle Dateien sind schon an ihrem Platz; prüfe, ob der Daemon sie hat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the files are current but the daemon does not list the connection; pushing again</source>
        <translation>die Dateien sind aktuell, aber der Daemon führt die Verbindung nicht; übertrage erneut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>commit (confirm within %1 s or the gateway rolls back by itself)</source>
        <translation>übernehmen (innerhalb von %1 s bestätigen, sonst setzt das Gateway selbst zurück)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>reading the gateway&apos;s own %1 config again: the site was imported from it</source>
        <translation>die eigene %1-Konfiguration des Gateways wird erneut gelesen: der Standort wurde aus ihr importiert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the gateway&apos;s own %1 config already says what the profile says for its tunnels; it is left as it is</source>
        <translation>die eigene %1-Konfiguration des Gateways sagt für seine Tunnel schon, was das Profil sagt; sie bleibt, wie sie ist</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>taking over from %1: %2</source>
        <translation>Übernahme aus %1: %2</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 is still not root through sudo; nothing was changed</source>
        <translation>%1 ist auch über sudo nicht root; nichts wurde geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: the user %2 is not uid 0 there; nothing was changed. Fix: connect as a user that may sudo.</source>
        <translation>%1: Der Benutzer %2 hat dort nicht uid 0; nichts wurde geändert. Abhilfe: als Benutzer verbinden, der sudo verwenden darf.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>busy: another push is still pending on this gateway (%1). Nothing was changed; try again once it is confirmed or has rolled back by itself.</source>
        <translation>belegt: Auf diesem Gateway ist noch eine andere Übertragung offen (%1). Nichts wurde geändert; erneut versuchen, sobald sie bestätigt oder von selbst zurückgesetzt ist.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>preflight failed on %1; nothing was changed</source>
        <translation>Vorprüfung auf %1 gescheitert; nichts wurde geändert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the upload to %1 failed (%2); nothing was changed</source>
        <translation>das Hochladen auf %1 ist gescheitert (%2); nichts wurde geändert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 was stopped before the commit; nothing was changed</source>
        <translation>%1 wurde vor der Übernahme angehalten; nichts wurde geändert</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 rolled back: %2</source>
        <translation>%1 zurückgesetzt: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the push script on %1 stopped unexpectedly (exit status %2): %3</source>
        <translation>das Übertragungsskript auf %1 endete unerwartet (Exit-Status %2): %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 did not report a commit in time</source>
        <translation>%1 hat die Übernahme nicht rechtzeitig gemeldet</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>rolling back</source>
        <translation>setze zurück</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>stopped before the commit; nothing was changed</source>
        <translation>vor der Übernahme angehalten; nichts wurde geändert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>back on the previous configuration</source>
        <translation>wieder auf der vorigen Konfiguration</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the gateway had already taken the confirmation; it keeps the new configuration</source>
        <translation>das Gateway hatte die Bestätigung schon erhalten; es behält die neue Konfiguration</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>could not reach the gateway to roll back; it rolls back by itself within %1 s of the commit</source>
        <translation>das Gateway war zum Zurücksetzen nicht erreichbar; es setzt innerhalb von %1 s nach der Übernahme selbst zurück</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>could not reach the gateway to stop the push; if its commit started, it rolls back by itself within %1 s</source>
        <translation>das Gateway war zum Anhalten der Übertragung nicht erreichbar; falls seine Übernahme schon begonnen hat, setzt es innerhalb von %1 s selbst zurück</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>connecting again over a fresh SSH connection, to confirm</source>
        <translation>verbinde erneut über eine neue SSH-Verbindung, um zu bestätigen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot reach %1 again to confirm (%2); it rolls back by itself</source>
        <translation>%1 ist zum Bestätigen nicht wieder erreichbar (%2); es setzt selbst zurück</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 did not confirm</source>
        <translation>%1 hat nicht bestätigt</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::GatewayMonitorPane</name>
    <message>
        <location filename="../widgets/GatewayMonitorPane.cpp" line="+56"/>
        <source>Shows only the rows with this text in any column</source>
        <translation>Zeigt nur die Zeilen, die diesen Text in irgendeiner Spalte enthalten</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+45"/>
        <source>Security associations of %1</source>
        <translation>Sicherheitsassoziationen von %1</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+45"/>
        <source>Security policies of %1</source>
        <translation>Sicherheitsrichtlinien (Policies) von %1</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Filter SAs (address, SPI, algorithm, state…)</source>
        <translation>SAs filtern (Adresse, SPI, Algorithmus, Zustand …)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter policies (address, direction, action…)</source>
        <translation>Policies filtern (Adresse, Richtung, Aktion …)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Parser notes</source>
        <translation>Hinweise des Parsers</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Raw output</source>
        <translation>Rohausgabe</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning: the output passed %1 MB and was cut there</source>
        <translation>Warnung: die Ausgabe überschritt %1 MB und wurde dort abgeschnitten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not understood: %1</source>
        <translation>nicht verstanden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>… and %1 more lines not understood</source>
        <translation>… und %1 weitere nicht verstandene Zeilen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, round trip %2 ms</source>
        <translation>%1, Umlaufzeit %2 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — %2</source>
        <comment>where, then how polling goes</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — output truncated</source>
        <translation> — Ausgabe abgeschnitten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 — %2, connected</source>
        <translation>%1 — %2, verbunden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 — retrying in %2 s</source>
        <translation>%1 — neuer Versuch in %2 s</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Paused — the tables show the last poll.</source>
        <translation>Pausiert — die Tabellen zeigen die letzte Abfrage.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resuming…</source>
        <translation>Wird fortgesetzt …</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>SAs (%1)</source>
        <translation>SAs (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policies (%1)</source>
        <translation>Policies (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes (%1)</source>
        <translation>Hinweise (%1)</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::Generate</name>
    <message>
        <location filename="../model/generate/NetworkGenerator.cpp" line="+279"/>
        <location line="+1"/>
        <source>a changing address</source>
        <translation>eine wechselnde Adresse</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+11"/>
        <source>There is no site “%1”.</source>
        <translation>Es gibt keinen Standort „%1“.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Site “%1” is managed by someone else; its admin configures it.</source>
        <translation>Standort „%1“ wird von jemand anderem verwaltet; dessen Admin konfiguriert ihn.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Tunnel “%1” has no pre-shared key; generate both of its ends in one run, or save the profile with its keys.</source>
        <translation>Tunnel „%1“ hat keinen Pre-Shared Key; beide Enden in einem Lauf erzeugen oder das Profil mit seinen Schlüsseln speichern.</translation>
    </message>
    <message>
        <location line="-259"/>
        <location line="+270"/>
        <source> (its admin configures it from the settings sheet)</source>
        <translation> (dessen Admin konfiguriert es nach dem Einstellungsblatt)</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::GeneratedFilesView</name>
    <message>
        <location filename="../widgets/GeneratedFilesView.cpp" line="+127"/>
        <source>Generated files</source>
        <translation>Erzeugte Dateien</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Files for %1</source>
        <translation>Dateien für %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, mode %2 — holds the pre-shared key</source>
        <translation>%1, Rechte %2 – enthält den Pre-Shared Key</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, mode %2</source>
        <translation>%1, Rechte %2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — settings sheet for its admin</source>
        <translation>%1 – Einstellungsblatt für seinen Admin</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Gateway %1 — %2</source>
        <translation>Gateway %1 – %2</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::HostKey</name>
    <message>
        <location filename="../remote/HostKey.cpp" line="+22"/>
        <source>Cannot compute the key&apos;s fingerprint.</source>
        <translation>Der Fingerabdruck des Schlüssels lässt sich nicht berechnen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not an OpenSSH public key line (expected “TYPE BASE64”).</source>
        <translation>Keine Zeile mit einem öffentlichen OpenSSH-Schlüssel (erwartet „TYP BASE64“).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown key type “%1”.</source>
        <translation>Unbekannter Schlüsseltyp „%1“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key data is not valid base64 for %1.</source>
        <translation>Die Schlüsseldaten für %1 sind kein gültiges Base64.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot read the key: %1.</source>
        <translation>Der Schlüssel lässt sich nicht lesen: %1.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::IkeDiagnose</name>
    <message>
        <location filename="../model/diagnose/IkeLog.cpp" line="+428"/>
        <source>%1.%2: %3 proposes %4, %5 is configured for %6</source>
        <translation>%1.%2: %3 schlägt %4 vor, %5 ist auf %6 eingestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The ESP proposals differ (phase 2): %1.</source>
        <translation>Die ESP-Vorschläge unterscheiden sich (Phase 2): %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The IKE proposals differ (phase 1): %1.</source>
        <translation>Die IKE-Vorschläge unterscheiden sich (Phase 1): %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no proposal of one side is among the other&apos;s</source>
        <translation>kein Vorschlag der einen Seite ist unter denen der anderen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Both gateways must use the proposals of the same profile: push it again to both, or change %1 so they agree.</source>
        <translation>Beide Gateways müssen die Vorschläge desselben Profils verwenden: Übertragen Sie es erneut auf beide, oder ändern Sie %1, sodass sie übereinstimmen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The pre-shared keys differ: %1 checked %2&apos;s authentication with its key, and it did not match.</source>
        <translation>Die Pre-Shared Keys unterscheiden sich: %1 hat die Authentifizierung von %2 mit seinem Schlüssel geprüft, und sie passte nicht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+16"/>
        <source>Give both gateways the same key: push the profile (with its key) to both again.</source>
        <translation>Geben Sie beiden Gateways denselben Schlüssel: Übertragen Sie das Profil (mit seinem Schlüssel) erneut auf beide.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The pre-shared keys differ: %1 could not decrypt %2&apos;s identity (IKEv1 Main Mode encrypts it with a key made from the pre-shared key).</source>
        <translation>Die Pre-Shared Keys unterscheiden sich: %1 konnte die Identität von %2 nicht entschlüsseln (IKEv1 Main Mode verschlüsselt sie mit einem aus dem Pre-Shared Key gebildeten Schlüssel).</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+18"/>
        <source>The networks differ: %1 was asked to carry %2 (its side) to %3 (%4&apos;s side) and has no tunnel for them.</source>
        <translation>Die Netze unterscheiden sich: %1 sollte %2 (seine Seite) mit %3 (der Seite von %4) verbinden und hat dafür keinen Tunnel.</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+18"/>
        <location line="+80"/>
        <source>Both gateways must carry the same networks: push the profile to both again, or correct the networks of the tunnel.</source>
        <translation>Beide Gateways müssen dieselben Netze tragen: Übertragen Sie das Profil erneut auf beide, oder korrigieren Sie die Netze des Tunnels.</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>The identities differ: %1 has no connection for %2 (its own, then %3&apos;s).</source>
        <translation>Die Identitäten unterscheiden sich: %1 hat keine Verbindung für %2 (seine eigene, dann die von %3).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>them</source>
        <translation>sie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each gateway&apos;s identity must be what its peer expects: push the profile to both again, or correct the identities.</source>
        <translation>Die Identität jedes Gateways muss die sein, die seine Gegenstelle erwartet: Übertragen Sie das Profil erneut auf beide, oder korrigieren Sie die Identitäten.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 has no connection between %2 (its own address) and %3: the addresses in the two gateways&apos; configurations differ.</source>
        <translation>%1 hat keine Verbindung zwischen %2 (seiner eigenen Adresse) und %3: Die Adressen in den Konfigurationen der beiden Gateways unterscheiden sich.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Push the profile to both gateways again, or correct the gateways&apos; addresses (behind NAT: the interface address and the public one).</source>
        <translation>Übertragen Sie das Profil erneut auf beide Gateways, oder korrigieren Sie die Adressen der Gateways (hinter NAT: die Adresse der Schnittstelle und die öffentliche).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 has no pre-shared key for %2: racoon found no line for it in psk.txt.</source>
        <translation>%1 hat keinen Pre-Shared Key für %2: racoon fand in psk.txt keine Zeile dafür.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Push the profile (with its key) to %1 again, or add the peer&apos;s key to its psk.txt.</source>
        <translation>Übertragen Sie das Profil (mit seinem Schlüssel) erneut auf %1, oder tragen Sie den Schlüssel der Gegenstelle in seine psk.txt ein.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The IKE proposals differ (phase 1): %1 found none of %2&apos;s proposals acceptable (racoon does not log which transform differs).</source>
        <translation>Die IKE-Vorschläge unterscheiden sich (Phase 1): %1 fand keinen der Vorschläge von %2 annehmbar (racoon protokolliert nicht, welche Transformation abweicht).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Both gateways must use the proposals of the same profile: push it again to both, or compare the IKE proposals.</source>
        <translation>Beide Gateways müssen die Vorschläge desselben Profils verwenden: Übertragen Sie es erneut auf beide, oder vergleichen Sie die IKE-Vorschläge.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The ESP proposals differ (phase 2): %1 found none of %2&apos;s proposals acceptable (racoon does not log which transform differs).</source>
        <translation>Die ESP-Vorschläge unterscheiden sich (Phase 2): %1 fand keinen der Vorschläge von %2 annehmbar (racoon protokolliert nicht, welche Transformation abweicht).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Both gateways must use the proposals of the same profile: push it again to both, or compare the ESP proposals.</source>
        <translation>Beide Gateways müssen die Vorschläge desselben Profils verwenden: Übertragen Sie es erneut auf beide, oder vergleichen Sie die ESP-Vorschläge.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The networks differ: %1 has no sainfo (no tunnel) for the networks %2 asked for.</source>
        <translation>Die Netze unterscheiden sich: %1 hat kein sainfo (keinen Tunnel) für die Netze, die %2 angefragt hat.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The kernel of %1 could not install the tunnel&apos;s policies, SAs or routes.</source>
        <translation>Der Kernel von %1 konnte die Richtlinien, SAs oder Routen des Tunnels nicht einrichten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Look at %1&apos;s kernel: IPsec (xfrm) support, a conflicting policy of another program, or (kernel-libipsec) an address of the gateway inside each of its networks.</source>
        <translation>Prüfen Sie den Kernel von %1: IPsec-Unterstützung (xfrm), eine widersprechende Richtlinie eines anderen Programms oder (kernel-libipsec) eine Adresse des Gateways in jedem seiner Netze.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No packet from %1 arrives at %2: %1 sent its request again and again, and %2&apos;s log shows none of them. A firewall or a route between them drops UDP 500/4500, or %2&apos;s IKE daemon does not listen on that address.</source>
        <translation>Kein Paket von %1 kommt bei %2 an: %1 hat seine Anfrage wieder und wieder geschickt, und das Protokoll von %2 zeigt keine davon. Eine Firewall oder eine Route dazwischen verwirft UDP 500/4500, oder der IKE-Dienst von %2 lauscht nicht auf dieser Adresse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check %1&apos;s firewall for UDP 500 and 4500 from %2, the route between them, and that charon runs on %1.</source>
        <translation>Prüfen Sie die Firewall von %1 auf UDP 500 und 4500 von %2, die Route dazwischen und ob charon auf %1 läuft.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%2 answers, but its answers do not reach %1: %2 received the same request again and answered it again. A firewall or NAT on the way back to %1 drops UDP 500/4500.</source>
        <translation>%2 antwortet, aber seine Antworten erreichen %1 nicht: %2 hat dieselbe Anfrage erneut erhalten und erneut beantwortet. Eine Firewall oder NAT auf dem Rückweg zu %1 verwirft UDP 500/4500.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check %1&apos;s firewall for UDP 500 and 4500 from %2, and NAT between them.</source>
        <translation>Prüfen Sie die Firewall von %1 auf UDP 500 und 4500 von %2 und NAT dazwischen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%2 does not answer %1 (%2&apos;s log was not collected, so where the packets are lost is not known).</source>
        <translation>%2 antwortet %1 nicht (das Protokoll von %2 liegt nicht vor; wo die Pakete verloren gehen, ist daher nicht bekannt).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the firewalls of both for UDP 500 and 4500, and that %1&apos;s IKE daemon runs.</source>
        <translation>Prüfen Sie die Firewalls beider auf UDP 500 und 4500 und ob der IKE-Dienst von %1 läuft.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::Import</name>
    <message>
        <location filename="../model/import/IpsecConfImport.cpp" line="-326"/>
        <location line="+1"/>
        <location line="+1"/>
        <location filename="../model/import/SwanctlImport.cpp" line="-31"/>
        <location line="+1"/>
        <location line="+2"/>
        <location line="+1"/>
        <source>Certificates are not in the profile; tunnels authenticate with a pre-shared key.</source>
        <translation>Zertifikate sind nicht im Profil; Tunnel authentisieren sich mit einem Pre-Shared Key.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../model/import/SwanctlImport.cpp" line="-2"/>
        <source>Raw public keys are not in the profile; tunnels authenticate with a pre-shared key.</source>
        <translation>Rohe öffentliche Schlüssel (Raw Public Keys) sind nicht im Profil; Tunnel authentisieren sich mit einem Pre-Shared Key.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+29"/>
        <location filename="../model/import/SwanctlImport.cpp" line="-16"/>
        <source>Virtual IPs are not in the profile (road warriors are not).</source>
        <translation>Virtuelle IPs sind nicht im Profil (Road Warriors auch nicht).</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Handing out DNS servers is not in the profile (road warriors are not).</source>
        <translation>Das Verteilen von DNS-Servern ist nicht im Profil (Road Warriors auch nicht).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The generator writes its own firewall rules (firewall.nft).</source>
        <translation>Der Generator schreibt seine eigenen Firewall-Regeln (firewall.nft).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../model/import/SwanctlImport.cpp" line="+12"/>
        <source>An updown script is not in the profile; the generator writes routes and firewall rules itself.</source>
        <translation>Ein updown-Skript ist nicht im Profil; der Generator schreibt Routen und Firewall-Regeln selbst.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol and port selectors are not in the profile; a tunnel carries whole networks.</source>
        <translation>Protokoll- und Port-Selektoren sind nicht im Profil; ein Tunnel überträgt ganze Netze.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group membership is not in the profile.</source>
        <translation>Gruppenzugehörigkeit ist nicht im Profil.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location filename="../model/import/SwanctlImport.cpp" line="+8"/>
        <source>XAuth is not in the profile; tunnels authenticate with a pre-shared key.</source>
        <translation>XAuth ist nicht im Profil; Tunnel authentisieren sich mit einem Pre-Shared Key.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../model/import/SwanctlImport.cpp" line="-1"/>
        <source>EAP is not in the profile; tunnels authenticate with a pre-shared key.</source>
        <translation>EAP ist nicht im Profil; Tunnel authentisieren sich mit einem Pre-Shared Key.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>Dead peer detection is the generator&apos;s (every 30 s, restart).</source>
        <translation>Dead Peer Detection bestimmt der Generator (alle 30 s, restart).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location filename="../model/import/SwanctlImport.cpp" line="-14"/>
        <source>The profile has lifetimes only; strongSwan&apos;s default margin applies.</source>
        <translation>Das Profil hat nur Lebensdauern; es gilt der Standard-Spielraum (margin) von strongSwan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../model/import/SwanctlImport.cpp" line="+1"/>
        <source>The profile has lifetimes only; strongSwan&apos;s default jitter applies.</source>
        <translation>Das Profil hat nur Lebensdauern; es gilt die Standard-Streuung (jitter) von strongSwan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../model/import/SwanctlImport.cpp" line="+17"/>
        <source>Retries are not in the profile; the generator leaves strongSwan&apos;s default.</source>
        <translation>Wiederholungsversuche sind nicht im Profil; der Generator belässt die Vorgabe von strongSwan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The profile&apos;s tunnels always rekey.</source>
        <translation>Die Tunnel des Profils werden immer neu verschlüsselt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The profile&apos;s IKEv2 lifetime is a rekey time; reauthentication is not kept.</source>
        <translation>Die IKEv2-Lebensdauer des Profils ist eine Zeit bis zur Neuverschlüsselung; die erneute Authentisierung wird nicht behalten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../model/import/SwanctlImport.cpp" line="-27"/>
        <source>MOBIKE is not in the profile; the generator leaves strongSwan&apos;s default (on).</source>
        <translation>MOBIKE ist nicht im Profil; der Generator belässt die Vorgabe von strongSwan (an).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../model/import/SwanctlImport.cpp" line="+1"/>
        <source>Forced UDP encapsulation is not in the profile; NAT traversal is strongSwan&apos;s own.</source>
        <translation>Erzwungene UDP-Kapselung ist nicht im Profil; NAT-Traversal regelt strongSwan selbst.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../model/import/SwanctlImport.cpp" line="+1"/>
        <source>IKE fragmentation is not in the profile; the generator leaves strongSwan&apos;s default.</source>
        <translation>IKE-Fragmentierung ist nicht im Profil; der Generator belässt die Vorgabe von strongSwan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IPComp is not in the profile.</source>
        <translation>IPComp ist nicht im Profil.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../model/import/SwanctlImport.cpp" line="+15"/>
        <source>AH is not in the profile; tunnels use ESP.</source>
        <translation>AH ist nicht im Profil; Tunnel verwenden ESP.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../model/import/SwanctlImport.cpp" line="+8"/>
        <source>Only tunnel mode is in the profile.</source>
        <translation>Im Profil gibt es nur den Tunnelmodus.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../model/import/SwanctlImport.cpp" line="+7"/>
        <source>The generator uses IKEv1 aggressive mode only with a peer whose address changes.</source>
        <translation>Der Generator verwendet den IKEv1 Aggressive Mode nur mit einer Gegenstelle, deren Adresse sich ändert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The generator always installs the policies.</source>
        <translation>Der Generator installiert die Richtlinien immer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marks are not in the profile.</source>
        <translation>Markierungen (Marks) sind nicht im Profil.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed reqids are not in the profile.</source>
        <translation>Feste reqids sind nicht im Profil.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../model/import/SwanctlImport.cpp" line="-2"/>
        <source>DSCP handling is not in the profile.</source>
        <translation>DSCP-Behandlung ist nicht im Profil.</translation>
    </message>
    <message>
        <location filename="../model/import/SwanctlImport.cpp" line="-27"/>
        <source>Virtual IP pools are not in the profile (road warriors are not).</source>
        <translation>Pools virtueller IPs sind nicht im Profil (Road Warriors auch nicht).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The generator always writes dpd_delay = 30s; this value is not kept.</source>
        <translation>Der Generator schreibt immer dpd_delay = 30s; dieser Wert wird nicht behalten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DPD timeouts are not in the profile.</source>
        <translation>DPD-Zeitlimits sind nicht im Profil.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The generator always writes dpd_action = restart; this value is not kept.</source>
        <translation>Der Generator schreibt immer dpd_action = restart; dieser Wert wird nicht behalten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The profile&apos;s IKEv2 lifetime is a rekey time (rekey_time); reauthentication is not kept.</source>
        <translation>Die IKEv2-Lebensdauer des Profils ist eine Zeit bis zur Neuverschlüsselung (rekey_time); die erneute Authentisierung wird nicht behalten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The profile keeps the rekey time; strongSwan&apos;s hard lifetime is then 110% of it.</source>
        <translation>Das Profil behält die Zeit bis zur Neuverschlüsselung; die harte Lebensdauer von strongSwan ist dann 110 % davon.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>Volume limits are not in the profile; only lifetimes are.</source>
        <translation>Volumengrenzen sind nicht im Profil; nur Lebensdauern.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The uniqueness policy is not in the profile; the generator leaves strongSwan&apos;s default.</source>
        <translation>Die Eindeutigkeitsrichtlinie ist nicht im Profil; der Generator belässt die Vorgabe von strongSwan.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Post-quantum preshared keys (PPK) are not in the profile.</source>
        <translation>Post-Quanten-Pre-Shared-Keys (PPK) sind nicht im Profil.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The generator decides what a gateway does when a tunnel closes (dpd_action = restart).</source>
        <translation>Der Generator entscheidet, was ein Gateway tut, wenn ein Tunnel endet (dpd_action = restart).</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::Import::detail</name>
    <message>
        <location filename="../model/import/IpsecConfImport.cpp" line="+412"/>
        <location filename="../model/import/SwanctlImport.cpp" line="+409"/>
        <source>This key matches no connection&apos;s identities.</source>
        <translation>Dieser Schlüssel passt zu den Identitäten keiner Verbindung.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no ipsec.secrets next to ipsec.conf; the tunnels have no key.</source>
        <translation>Neben ipsec.conf liegt keine ipsec.secrets; die Tunnel haben keinen Schlüssel.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No key in ipsec.secrets matches connection “%1”.</source>
        <translation>Kein Schlüssel in ipsec.secrets passt zu Verbindung „%1“.</translation>
    </message>
    <message>
        <location filename="../model/import/SwanctlImport.cpp" line="+15"/>
        <source>No secret in swanctl.conf matches connection “%1”; the tunnel has no key.</source>
        <translation>Kein Geheimnis in swanctl.conf passt zu Verbindung „%1“; der Tunnel hat keinen Schlüssel.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::Lab</name>
    <message>
        <location filename="../model/lab/LabPlan.cpp" line="+108"/>
        <source>The profile has no sites; the lab needs at least one.</source>
        <translation>Das Profil hat keine Standorte; das Labor braucht mindestens einen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The lab builds at most %1 sites; this profile has %2.</source>
        <translation>Das Labor baut höchstens %1 Standorte; dieses Profil hat %2.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The site has no network; the lab puts a host in each.</source>
        <translation>Der Standort hat kein Netz; das Labor setzt in jedes einen Host.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is too small for the lab, which puts the gateway and a host in it (at most /30).</source>
        <translation>%1 ist zu klein für das Labor, das das Gateway und einen Host hineinsetzt (höchstens /30).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is in none of the site&apos;s networks; the lab puts it on the network it belongs to.</source>
        <translation>%1 liegt in keinem Netz des Standorts; das Labor setzt sie in das Netz, zu dem sie gehört.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Behind NAT, %1 needs a prefix of at most /30, so that the NAT router has an address beside it.</source>
        <translation>Hinter NAT braucht %1 ein Präfix von höchstens /30, damit der NAT-Router daneben eine Adresse hat.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 is also %2; every gateway needs an address of its own on the lab&apos;s internet.</source>
        <translation>%1 ist auch %2; jedes Gateway braucht im Internet des Labors eine eigene Adresse.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A dynamic gateway needs room to move: %1 has a prefix longer than /29.</source>
        <translation>Ein dynamisches Gateway braucht Platz zum Wechseln: %1 hat ein Präfix länger als /29.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The lab plan has no management link for this gateway.</source>
        <translation>Der Plan des Labors hat keine Verwaltungsverbindung für dieses Gateway.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::MainWindow</name>
    <message>
        <location filename="../widgets/MainWindow.cpp" line="+67"/>
        <location line="+305"/>
        <source>IPsec Wizard</source>
        <translation>IPsec Wizard</translation>
    </message>
    <message>
        <location line="-293"/>
        <source>&amp;Recent profiles</source>
        <translation>Zu&amp;letzt verwendete Profile</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recent profiles</source>
        <translation>Zuletzt verwendete Profile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profiles you opened or saved; press Enter or double-click to open one.</source>
        <translation>Profile, die Sie geöffnet oder gespeichert haben; mit Eingabetaste oder Doppelklick öffnen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&lt;h2&gt;No tunnel open&lt;/h2&gt;&lt;p&gt;Build a new site-to-site tunnel with the wizard, or open a profile you saved.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Kein Tunnel geöffnet&lt;/h2&gt;&lt;p&gt;Bauen Sie mit dem Assistenten einen neuen Site-to-Site-Tunnel, oder öffnen Sie ein gespeichertes Profil.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+77"/>
        <source>&amp;New tunnel…</source>
        <translation>&amp;Neuer Tunnel …</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>New tunnel</source>
        <translation>Neuer Tunnel</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+77"/>
        <source>&amp;Open profile…</source>
        <translation>Profil ö&amp;ffnen …</translation>
    </message>
    <message>
        <location line="-75"/>
        <location line="+410"/>
        <source>Open profile</source>
        <translation>Profil öffnen</translation>
    </message>
    <message>
        <location line="-383"/>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Build a new tunnel with the wizard.</source>
        <translation>Einen neuen Tunnel mit dem Assistenten bauen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open a saved tunnel profile.</source>
        <translation>Ein gespeichertes Tunnelprofil öffnen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit in wizard…</source>
        <translation>Im Assistenten &amp;bearbeiten …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change the open tunnel in the wizard.</source>
        <translation>Den geöffneten Tunnel im Assistenten ändern.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save profile as…</source>
        <translation>Profil speichern &amp;unter …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the open tunnel as a profile.</source>
        <translation>Den geöffneten Tunnel als Profil speichern.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E&amp;xport bundle…</source>
        <translation>Paket e&amp;xportieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write both gateways&apos; files, install scripts and the drawing as .tar.gz, .zip or a folder.</source>
        <translation>Die Dateien beider Gateways, Installationsskripte und die Zeichnung als .tar.gz, .zip oder Ordner schreiben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export &amp;Ansible project…</source>
        <translation>&amp;Ansible-Projekt exportieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write an Ansible project that installs every managed gateway&apos;s files, commit-confirmed across the fleet.</source>
        <translation>Ein Ansible-Projekt schreiben, das die Dateien jedes verwalteten Gateways installiert, mit Bestätigung über die ganze Flotte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Deploy…</source>
        <translation>&amp;Ausrollen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push the configuration to both gateways over SSH, transactionally: a gateway that is not confirmed rolls back by itself.</source>
        <translation>Die Konfiguration per SSH auf beide Gateways übertragen, transaktional: Ein Gateway, das nicht bestätigt wird, setzt sich selbst zurück.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Monitor…</source>
        <translation>Ü&amp;berwachen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch both gateways&apos; security associations live, side by side, with the tunnel&apos;s state.</source>
        <translation>Die Sicherheitsassoziationen beider Gateways live und nebeneinander beobachten, mit dem Zustand des Tunnels.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Dia&amp;gnose…</source>
        <translation>&amp;Untersuchen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why the tunnel is down: look at both gateways, start the tunnel and read both charon logs of the attempt.</source>
        <translation>Warum der Tunnel nicht steht: beide Gateways ansehen, den Tunnel starten und beide charon-Protokolle des Versuchs lesen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check for d&amp;rift…</source>
        <translation>Auf Abweichungen &amp;prüfen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare every managed gateway&apos;s files and loaded connections with what the profile makes (changing nothing).</source>
        <translation>Die Dateien und geladenen Verbindungen jedes verwalteten Gateways mit dem vergleichen, was das Profil erzeugt (ohne etwas zu ändern).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>B&amp;eenden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quit IPsec Wizard.</source>
        <translation>IPsec Wizard beenden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Tunnel</source>
        <translation>&amp;Tunnel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;System colours</source>
        <translation>&amp;Systemfarben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About IPsec Wizard</source>
        <translation>Ü&amp;ber IPsec Wizard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About IPsec Wizard</source>
        <translation>Über IPsec Wizard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;IPsec Wizard %1&lt;/h3&gt;&lt;p&gt;Builds a site-to-site IPsec tunnel between two gateways: matching configuration for racoon-tool, racoon + setkey or strongSwan on each side, with a fresh pre-shared key, routes and firewall rules.&lt;/p&gt;&lt;p&gt;Copyright 2026 IPsec Wizard developers.&lt;br&gt;This program is free software under the GNU General Public License, version 3 or (at your option) any later version. It comes with ABSOLUTELY NO WARRANTY.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;IPsec Wizard %1&lt;/h3&gt;&lt;p&gt;Baut einen Site-to-Site-IPsec-Tunnel zwischen zwei Gateways: passende Konfiguration für racoon-tool, racoon + setkey oder strongSwan auf jeder Seite, mit frischem Pre-Shared Key, Routen und Firewall-Regeln.&lt;/p&gt;&lt;p&gt;Copyright 2026 IPsec Wizard developers.&lt;br&gt;Dieses Programm ist freie Software unter der GNU General Public License, Version 3 oder (nach Ihrer Wahl) jeder späteren Version. Es wird OHNE JEDE GEWÄHRLEISTUNG bereitgestellt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot open profile</source>
        <translation>Profil lässt sich nicht öffnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Opened the example profile.</source>
        <translation>Beispielprofil geöffnet.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 (%3) ⇄ %4 (%5)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 (%3) ⇄ %4 (%5)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+60"/>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Tunnel %1 selected: Deploy and Edit in wizard act on it.</source>
        <translation>Tunnel %1 gewählt: Ausrollen und Bearbeiten im Assistenten gelten ihm.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 sites, one tunnel</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 Standorte, ein Tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 sites, %3 tunnels</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 Standorte, %3 Tunnel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; Deploy pushes tunnel %1 (click another in the drawing)</source>
        <translation>; Ausrollen überträgt Tunnel %1 (einen anderen in der Zeichnung anklicken)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Watch every managed gateway of the network and every tunnel&apos;s state live, with the events of all of them.</source>
        <translation>Jedes verwaltete Gateway des Netzes und den Zustand jedes Tunnels live beobachten, mit den Ereignissen aller.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing yet</source>
        <translation>Noch nichts</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>IPsec Wizard profiles (*.json);;All files (*)</source>
        <translation>IPsec-Wizard-Profile (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot save the profile</source>
        <translation>Das Profil lässt sich nicht speichern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deploy</source>
        <translation>Ausrollen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open or create a tunnel without errors first.</source>
        <translation>Öffnen oder erstellen Sie zuerst einen Tunnel ohne Fehler.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deploy %1</source>
        <translation>%1 ausrollen</translation>
    </message>
    <message>
        <location line="+105"/>
        <location line="+26"/>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Export Ansible project into folder</source>
        <translation>Ansible-Projekt in Ordner exportieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Wrote the Ansible project to %1; its README.md says how to run it. The keys are in group_vars/all/psk.yml (0600): encrypt it with ansible-vault.</source>
        <translation>Das Ansible-Projekt steht in %1; seine README.md sagt, wie man es ausführt. Die Schlüssel stehen in group_vars/all/psk.yml (0600): Verschlüsseln Sie die Datei mit ansible-vault.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tunnel %1 is ready; export the bundle or save the profile.</source>
        <translation>Tunnel %1 ist fertig; exportieren Sie das Paket oder speichern Sie das Profil.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::MarkedBlock</name>
    <message>
        <location filename="../model/generate/MarkedBlock.cpp" line="+83"/>
        <source>The markers of block “%1” are broken (edited by hand?); nothing was changed.</source>
        <translation>Die Markierungen des Blocks „%1“ sind beschädigt (von Hand bearbeitet?); es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::Merger</name>
    <message>
        <location filename="../model/import/ImportMerge.cpp" line="+81"/>
        <source>import %1</source>
        <translation>Import %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Sites %1 and %2 have the same %3 (%4): the same gateway&apos;s files imported twice, or two gateways that their peers cannot tell apart.</source>
        <translation>Die Standorte %1 und %2 haben dieselbe %3 (%4): die Dateien desselben Gateways zweimal importiert, oder zwei Gateways, die ihre Gegenstellen nicht unterscheiden können.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import each gateway&apos;s files once; peers are matched to %1.</source>
        <translation>Importieren Sie die Dateien jedes Gateways einmal; Gegenstellen werden %1 zugeordnet.</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>%1&apos;s files (tunnels %2) reach site %3 at %4; %3&apos;s own files give it a changing address.</source>
        <translation>Die Dateien von %1 (Tunnel %2) erreichen Standort %3 unter %4; die eigenen Dateien von %3 geben ihm eine wechselnde Adresse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The merged profile keeps %1&apos;s own: a changing address. Correct whichever gateway is wrong and import again.</source>
        <translation>Das zusammengeführte Profil behält die eigene von %1: eine wechselnde Adresse. Korrigieren Sie das Gateway, das falsch ist, und importieren Sie erneut.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1&apos;s own files give its address as %2</source>
        <translation>die eigenen Dateien von %1 geben seine Adresse als %2 an</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1&apos;s files reach it at %2</source>
        <translation>die Dateien von %1 erreichen es unter %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1&apos;s files (tunnels %2) reach site %3 at %4; %5.</source>
        <translation>Die Dateien von %1 (Tunnel %2) erreichen Standort %3 unter %4; %5.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The merged profile keeps the address %1 had first (its own files&apos;, else the first import&apos;s that names one). Correct the peer address in %2&apos;s files, or %1&apos;s address, and import again.</source>
        <translation>Das zusammengeführte Profil behält die Adresse, die %1 zuerst hatte (aus den eigenen Dateien, sonst aus dem ersten Import, der eine nennt). Korrigieren Sie die Adresse der Gegenstelle in den Dateien von %2 oder die Adresse von %1 und importieren Sie erneut.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1&apos;s files (tunnels %2) expect site %3 to identify as %4; %3&apos;s own files give %5.</source>
        <translation>Die Dateien von %1 (Tunnel %2) erwarten von Standort %3 die Identität %4; die eigenen Dateien von %3 geben %5 an.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The merged profile keeps %1&apos;s own identity. Correct the peer identity in %2&apos;s files, or %1&apos;s identity, and import again.</source>
        <translation>Das zusammengeführte Profil behält die eigene Identität von %1. Korrigieren Sie die Identität der Gegenstelle in den Dateien von %2 oder die Identität von %1 und importieren Sie erneut.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Tunnel “%1”: %2 is %3 in %4&apos;s files, %5 in %6&apos;s.</source>
        <translation>Tunnel „%1“: %2 ist %3 in den Dateien von %4, %5 in denen von %6.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <location line="+5"/>
        <source>The merged tunnel takes %1&apos;s (the first import&apos;s). Make both gateways agree and import again.</source>
        <translation>Der zusammengeführte Tunnel übernimmt den Wert von %1 (dem ersten Import). Gleichen Sie beide Gateways an und importieren Sie erneut.</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+5"/>
        <source>Tunnel “%1”: on %2&apos;s end, %2&apos;s files carry %3, %4&apos;s files expect %5.</source>
        <translation>Tunnel „%1“: am Ende von %2 tragen die Dateien von %2 %3, die Dateien von %4 erwarten %5.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tunnel “%1”: the keys differ between %2&apos;s files and %3&apos;s.</source>
        <translation>Tunnel „%1“: Die Schlüssel in den Dateien von %2 und von %3 unterscheiden sich.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The merged tunnel takes %1&apos;s key (the first import&apos;s). Put one key on both gateways and import again.</source>
        <translation>Der zusammengeführte Tunnel übernimmt den Schlüssel von %1 (dem ersten Import). Setzen Sie auf beiden Gateways einen Schlüssel und importieren Sie erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tunnel “%1”: only %2&apos;s files hold a key for it, %3&apos;s none.</source>
        <translation>Tunnel „%1“: Nur die Dateien von %2 enthalten einen Schlüssel dafür, die von %3 keinen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The merged tunnel takes the key there is. Check that the other gateway has it.</source>
        <translation>Der zusammengeführte Tunnel übernimmt den vorhandenen Schlüssel. Prüfen Sie, dass das andere Gateway ihn hat.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Tunnel “%1”: only %2&apos;s files have it; %3&apos;s files have no tunnel to %2 that matches it.</source>
        <translation>Tunnel „%1“: Nur die Dateien von %2 haben ihn; die Dateien von %3 haben keinen passenden Tunnel zu %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add it on %1, or remove it from %2.</source>
        <translation>Fügen Sie ihn auf %1 hinzu oder entfernen Sie ihn von %2.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::MonitorPage</name>
    <message>
        <location filename="../widgets/MonitorPage.cpp" line="+17"/>
        <source>Monitor</source>
        <translation>Überwachen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both gateways&apos; security associations, live and side by side. Green: SAs in both directions on both gateways; amber: half-up; red: none.</source>
        <translation>Die Sicherheitsassoziationen beider Gateways, live und nebeneinander. Grün: SAs in beiden Richtungen auf beiden Gateways; gelb: halb aktiv; rot: keine.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::MonitorSession</name>
    <message>
        <location filename="../remote/MonitorSession.cpp" line="+100"/>
        <source>sudo password for %1@%2</source>
        <translation>sudo-Passwort für %1@%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>sudo refused the password for %1.</source>
        <translation>sudo hat das Passwort für %1 abgelehnt.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>None of setkey, ip xfrm and swanctl works on this gateway.</source>
        <translation>Weder setkey noch ip xfrm noch swanctl funktioniert auf diesem Gateway.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::MonitorView</name>
    <message>
        <location filename="../widgets/MonitorView.cpp" line="+49"/>
        <source>%1 B/s</source>
        <translation>%1 B/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%L1 kB/s</source>
        <translation>%L1 kB/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%L1 MB/s</source>
        <translation>%L1 MB/s</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+207"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location line="-205"/>
        <source>Re&amp;veal keys</source>
        <translation>Schlüssel anzei&amp;gen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy snapshot</source>
        <translation>Momentaufnahme &amp;kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gateway A</source>
        <translation>Gateway A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gateway B</source>
        <translation>Gateway B</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pause polling</source>
        <translation>Abfragen pausieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reveal key material</source>
        <translation>Schlüsselmaterial anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy snapshot</source>
        <translation>Momentaufnahme kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+367"/>
        <location line="+4"/>
        <source>Export snapshot</source>
        <translation>Momentaufnahme exportieren</translation>
    </message>
    <message>
        <location line="-368"/>
        <source>Stop polling; the tables keep the last poll</source>
        <translation>Abfragen anhalten; die Tabellen behalten die letzte Abfrage</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Poll interval in seconds</source>
        <translation>Abfrageintervall in Sekunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often each gateway is asked (at least 0.2 s); every poll reuses the open SSH connection</source>
        <translation>Wie oft jedes Gateway abgefragt wird (mindestens 0,2 s); jede Abfrage nutzt die offene SSH-Verbindung weiter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Poll &amp;every</source>
        <translation>&amp;Abfrage alle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the SAs&apos; key material (setkey&apos;s E: and A: lines, ip xfrm&apos;s enc and auth). Anyone who sees it can decrypt the tunnel.</source>
        <translation>Das Schlüsselmaterial der SAs anzeigen (die E:- und A:-Zeilen von setkey, enc und auth von ip xfrm). Wer es sieht, kann den Tunnel entschlüsseln.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy both gateways&apos; SAs and policies, and the correlation, as text (without key material)</source>
        <translation>SAs und Policies beider Gateways samt Zuordnung als Text kopieren (ohne Schlüsselmaterial)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the snapshot as text or CSV</source>
        <translation>Die Momentaufnahme als Text oder CSV speichern</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Correlation findings</source>
        <translation>Befunde der Zuordnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What pairing both gateways&apos; SAs found: SAs without a twin (half-up), leftovers of a rekey, counters that rise on one side only</source>
        <translation>Was die Paarung der SAs beider Gateways ergab: SAs ohne Gegenstück (halb aktiv), Reste einer Neuverschlüsselung, Zähler, die nur auf einer Seite steigen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Tunnel state: not known yet</source>
        <translation>Tunnelzustand: noch unbekannt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Gateway A — %1</source>
        <translation>Gateway A – %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gateway B — %1</source>
        <translation>Gateway B – %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not connected: the profile has errors. %1</source>
        <translation>Nicht verbunden: Das Profil enthält Fehler. %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tunnel state: not known (the profile has errors)</source>
        <translation>Tunnelzustand: unbekannt (das Profil enthält Fehler)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Connected again to %1</source>
        <translation>Wieder verbunden mit %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>First poll: 1 SA</source>
        <translation>Erste Abfrage: 1 SA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First poll: %1 SAs</source>
        <translation>Erste Abfrage: %1 SAs</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Tunnel %1 — 1 SA pair</source>
        <translation>Tunnel %1 – 1 SA-Paar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tunnel %1 — %2 SA pairs</source>
        <translation>Tunnel %1 – %2 SA-Paare</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>No connection: %1</source>
        <translation>Keine Verbindung: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no data from gateway %1</source>
        <translation>keine Daten von Gateway %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tunnel state: not known (no data from gateway %1)</source>
        <translation>Tunnelzustand: unbekannt (keine Daten von Gateway %1)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A→B %1</source>
        <translation>A→B %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>B→A %1</source>
        <translation>B→A %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tunnel</source>
        <translation>Tunnel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>up</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>half-up</source>
        <translation>halb aktiv</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>down</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not known</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Every SA has its twin on the other gateway.</source>
        <translation>Jede SA hat ihr Gegenstück auf dem anderen Gateway.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>IPsec Wizard monitor snapshot of %1, %2</source>
        <translation>IPsec-Wizard-Überwachung: Momentaufnahme von %1, %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>gateway %1</source>
        <translation>Gateway %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  (no poll yet)
</source>
        <translation>  (noch keine Abfrage)
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tunnel: %1, %2 SA pairs</source>
        <translation>Tunnel: %1, %2 SA-Paare</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+5"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Text (*.txt);;CSV (*.csv)</source>
        <translation>Text (*.txt);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Monitor: password</source>
        <translation>Überwachung: Passwort</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::MonitorWindow</name>
    <message>
        <location filename="../widgets/MonitorWindow.cpp" line="+15"/>
        <source>Monitor — %1</source>
        <translation>Überwachung – %1</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::Network</name>
    <message>
        <location filename="../model/profile/NetworkProfile.cpp" line="+433"/>
        <source>There is no tunnel “%1”.</source>
        <translation>Es gibt keinen Tunnel „%1“.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no site “%1”.</source>
        <translation>Es gibt keinen Standort „%1“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Site “%1” is managed by someone else; generating only our side of a tunnel comes with the version 2 generators.</source>
        <translation>Standort „%1“ wird von jemand anderem verwaltet; nur die eigene Seite eines Tunnels zu erzeugen, wird erst von den Generatoren der Version 2 unterstützt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Site “%1” is reached %2; tunnels through NAT or to a dynamic address come with the version 2 generators.</source>
        <translation>Standort „%1“ wird %2 erreicht; Tunnel über NAT oder zu einer dynamischen Adresse werden erst von den Generatoren der Version 2 unterstützt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>through NAT</source>
        <translation>über NAT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>at a dynamic address</source>
        <translation>unter einer dynamischen Adresse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tunnel “%1” carries %2 networks of site “%3”; several networks per site come with the version 2 generators.</source>
        <translation>Tunnel „%1“ verbindet %2 Netze von Standort „%3“; mehrere Netze pro Standort werden erst von den Generatoren der Version 2 unterstützt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Site “%1” has a key id identity; key ids come with the version 2 generators.</source>
        <translation>Standort „%1“ hat eine Schlüssel-ID als Identität; Schlüssel-IDs werden erst von den Generatoren der Version 2 unterstützt.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::Network::NetworkChecker</name>
    <message>
        <location line="+73"/>
        <source>The network&apos;s name must be 1 to 32 letters, digits, “-” or “_”.</source>
        <translation>Der Name des Netzes muss aus 1 bis 32 Buchstaben, Ziffern, „-“ oder „_“ bestehen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A network needs at least two sites.</source>
        <translation>Ein Netz braucht mindestens zwei Standorte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No tunnel joins any two sites.</source>
        <translation>Kein Tunnel verbindet zwei Standorte.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tunnels “%1” and “%2” both join sites “%3” and “%4”; the gateways would run them in one IKE SA and could not tell them apart.</source>
        <translation>Die Tunnel „%1“ und „%2“ verbinden beide die Standorte „%3“ und „%4“; die Gateways würden sie in einer IKE-SA betreiben und könnten sie nicht auseinanderhalten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Carry all their networks in one tunnel.</source>
        <translation>Führen Sie alle ihre Netze in einem Tunnel.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A tunnel&apos;s name must be 1 to 32 letters, digits, “-” or “_”.</source>
        <translation>Der Name eines Tunnels muss aus 1 bis 32 Buchstaben, Ziffern, „-“ oder „_“ bestehen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two tunnels are named “%1”; each needs its own name.</source>
        <translation>Zwei Tunnel heißen „%1“; jeder braucht einen eigenen Namen.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>A site&apos;s name must be 1 to 32 letters, digits, “-” or “_”.</source>
        <translation>Der Name eines Standorts muss aus 1 bis 32 Buchstaben, Ziffern, „-“ oder „_“ bestehen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two sites are named “%1”; each needs its own name.</source>
        <translation>Zwei Standorte heißen „%1“; jeder braucht einen eigenen Namen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Site “%1” has no network.</source>
        <translation>Standort „%1“ hat kein Netz.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 overlaps %2, another network of site “%3”.</source>
        <translation>%1 überschneidet sich mit %2, einem anderen Netz von Standort „%3“.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The internal address “%1” of site “%2” is not an address.</source>
        <translation>Die interne Adresse „%1“ von Standort „%2“ ist keine Adresse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The internal address %1 of site “%2” is in none of its networks; the gateway needs an address inside a network it protects.</source>
        <translation>Die interne Adresse %1 von Standort „%2“ liegt in keinem seiner Netze; das Gateway braucht eine Adresse in einem Netz, das es schützt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Site “%1” is behind NAT but its public address “%2” is not an address.</source>
        <translation>Standort „%1“ liegt hinter NAT, aber seine öffentliche Adresse „%2“ ist keine Adresse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Site “%1” is behind NAT, so its public address differs from the address on its interface.</source>
        <translation>Standort „%1“ liegt hinter NAT, daher unterscheidet sich seine öffentliche Adresse von der Adresse an seiner Schnittstelle.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the address the NAT router shows to the internet, or say the site is not behind NAT.</source>
        <translation>Die Adresse angeben, die der NAT-Router dem Internet zeigt, oder angeben, dass der Standort nicht hinter NAT liegt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Site “%1” has a dynamic address, so its peers cannot identify it by address.</source>
        <translation>Standort „%1“ hat eine dynamische Adresse, daher können seine Gegenstellen ihn nicht an der Adresse erkennen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Site “%1” is behind NAT: its peers see %2, not the address on its interface, so an address identity would not match.</source>
        <translation>Standort „%1“ liegt hinter NAT: Seine Gegenstellen sehen %2, nicht die Adresse an seiner Schnittstelle, daher würde eine Adresse als Identität nicht passen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give it an FQDN or user@FQDN identity (e.g. %1.example.net)%2.</source>
        <translation>Dem Standort eine FQDN- oder user@FQDN-Identität geben (z. B. %1.example.net)%2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, or the public address as its identity</source>
        <translation>, oder die öffentliche Adresse als Identität</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>racoon-tool and racoon name a key id by a file, not a value; site “%1” cannot use one there.</source>
        <translation>racoon-tool und racoon geben eine Schlüssel-ID als Datei an, nicht als Wert; Standort „%1“ kann dort keine verwenden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use an FQDN identity, or run strongSwan on site “%1”.</source>
        <translation>Eine FQDN-Identität verwenden oder auf Standort „%1“ strongSwan einsetzen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 cannot run on site “%2”, whose address changes: its policies name the gateway&apos;s own address.</source>
        <translation>%1 kann nicht auf Standort „%2“ laufen, dessen Adresse sich ändert: seine Richtlinien nennen die eigene Adresse des Gateways.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Run strongSwan on site “%1”.</source>
        <translation>Betreiben Sie strongSwan auf Standort „%1“.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>racoon-tool on site “%1” cannot wait for site “%2”, whose address changes: racoon-tool needs the peer&apos;s address.</source>
        <translation>racoon-tool auf Standort „%1“ kann nicht auf Standort „%2“ warten, dessen Adresse sich ändert: racoon-tool braucht die Adresse der Gegenstelle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run racoon (its anonymous remote takes one such peer) or strongSwan on site “%1”.</source>
        <translation>Betreiben Sie racoon (sein anonymes remote nimmt eine solche Gegenstelle an) oder strongSwan auf Standort „%1“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>racoon on site “%1” can wait for one peer with a changing address, and tunnels “%2” and “%3” both need it.</source>
        <translation>racoon auf Standort „%1“ kann auf eine Gegenstelle mit wechselnder Adresse warten, aber die Tunnel „%2“ und „%3“ brauchen das beide.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 on site “%2” has one phase 1 per peer address, and tunnels “%3” and “%4” both go to %5.</source>
        <translation>%1 auf Standort „%2“ hat eine Phase 1 je Adresse der Gegenstelle, und die Tunnel „%3“ und „%4“ führen beide zu %5.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Carry both tunnels&apos; networks in one tunnel, or run strongSwan on site “%1”.</source>
        <translation>Führen Sie die Netze beider Tunnel in einem Tunnel, oder betreiben Sie strongSwan auf Standort „%1“.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The hub “%1” is not one of the sites.</source>
        <translation>Der Hub „%1“ ist keiner der Standorte.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tunnel “%1” joins “%2”, which is not a site.</source>
        <translation>Tunnel „%1“ verbindet „%2“, aber das ist kein Standort.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tunnel “%1” joins site “%2” to itself.</source>
        <translation>Tunnel „%1“ verbindet Standort „%2“ mit sich selbst.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Both ends of tunnel “%1” have dynamic addresses: neither knows where to find the other, so nobody can start it.</source>
        <translation>Beide Enden von Tunnel „%1“ haben dynamische Adressen: Keines weiß, wo das andere zu finden ist, daher kann niemand den Tunnel aufbauen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give one of the sites a fixed (or NATed) address.</source>
        <translation>Einem der Standorte eine feste (oder per NAT umgesetzte) Adresse geben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neither end of tunnel “%1” is managed here, so there is nothing to configure.</source>
        <translation>Keines der Enden von Tunnel „%1“ wird hier verwaltet, daher gibt es nichts zu konfigurieren.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not a network of site “%2”.</source>
        <translation>%1 ist kein Netz von Standort „%2“.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tunnel “%1” would carry %2 on one side and %3 on the other; a tunnel carries networks of one address family.</source>
        <translation>Tunnel „%1“ würde auf der einen Seite %2 und auf der anderen %3 tragen; ein Tunnel trägt Netze einer Adressfamilie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make a tunnel per family.</source>
        <translation>Einen Tunnel je Adressfamilie anlegen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of site “%2” overlaps %3 of site “%4”, and tunnel “%5” joins them; hosts in the overlap could not tell local from remote.</source>
        <translation>%1 von Standort „%2“ überschneidet sich mit %3 von Standort „%4“, und Tunnel „%5“ verbindet sie; Rechner in der Überschneidung könnten lokal und entfernt nicht unterscheiden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Renumber one site, or carry a smaller network.</source>
        <translation>Einen Standort umnummerieren oder ein kleineres Netz durch den Tunnel führen.</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>%1 of site “%2” overlaps %3 of site “%4”, and site “%5” reaches both through its tunnels.</source>
        <translation>%1 von Standort „%2“ überschneidet sich mit %3 von Standort „%4“, und Standort „%5“ erreicht beide über seine Tunnel.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Renumber one of them.</source>
        <translation>Eines davon umnummerieren.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::NetworkDeployer</name>
    <message>
        <location filename="../remote/Deployer.cpp" line="+362"/>
        <source>There is no site “%1”.</source>
        <translation>Es gibt keinen Standort „%1“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Site “%1” is managed by someone else; its admin configures it.</source>
        <translation>Standort „%1“ wird von jemand anderem verwaltet; dessen Admin konfiguriert ihn.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>== %1: %2@%3:%4 (%5)</source>
        <translation>== %1: %2@%3:%4 (%5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>    keep %1 as %1.ipsec-wizard-bak; remove %1</source>
        <translation>    %1 als %1.ipsec-wizard-bak aufheben; %1 entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>    keep %1 as %1.ipsec-wizard-bak; take the block %2 out of it</source>
        <translation>    %1 als %1.ipsec-wizard-bak aufheben; den Block %2 daraus entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>    nft delete table inet ipsec_wizard_%1, and the peer from the shared set unless another tunnel names it</source>
        <translation>    nft delete table inet ipsec_wizard_%1, und die Gegenstelle aus der gemeinsamen Menge, sofern kein anderer Tunnel sie nennt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>upload %1.ipsec-wizard-new  mode %2  %3 bytes%4</source>
        <translation>hochladen %1.ipsec-wizard-new  Rechte %2  %3 Byte%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  (holds the pre-shared key)</source>
        <translation>  (enthält den Pre-Shared Key)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>    only the marked block of %1 (%2): merged into the file as it is on the gateway</source>
        <translation>    nur der markierte Block von %1 (%2): in die Datei eingefügt, wie sie auf dem Gateway ist</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>    nft -f /etc/ipsec-wizard/%1/firewall.nft</source>
        <translation>    nft -f /etc/ipsec-wizard/%1/firewall.nft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>    wait up to %1 s for the confirmation, else roll back</source>
        <translation>    bis zu %1 s auf die Bestätigung warten, sonst zurücksetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>== at most %1 gateways at a time; then a ping through every tunnel both of whose ends were pushed; then confirm all</source>
        <translation>== höchstens %1 Gateways gleichzeitig; dann ein Ping durch jeden Tunnel, dessen beide Enden übertragen wurden; dann alle bestätigen</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>not started</source>
        <translation>nicht begonnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+33"/>
        <location line="+11"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>tunnel test %1: ping from %2 to %3</source>
        <translation>Tunneltest %1: Ping von %2 nach %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the tunnel test of %1 failed: %2 cannot reach %3 through it (%4)</source>
        <translation>der Tunneltest von %1 ist gescheitert: %2 erreicht %3 nicht durch ihn (%4)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 reaches %3
</source>
        <translation>%1: %2 erreicht %3
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 carries traffic</source>
        <translation>%1 überträgt Daten</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 could not be reached again to confirm; every gateway rolls back</source>
        <translation>%1 war zum Bestätigen nicht wieder erreichbar; alle Gateways werden zurückgesetzt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>confirmation failed; every gateway rolls back</source>
        <translation>die Bestätigung ist gescheitert; alle Gateways werden zurückgesetzt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>confirmation failed; %1 had already confirmed and keep the new configuration while the others roll back, so the gateways now differ. Push again.</source>
        <translation>die Bestätigung ist gescheitert; %1 hatte(n) schon bestätigt und behält/behalten die neue Konfiguration, während die anderen zurückgesetzt werden; die Gateways unterscheiden sich jetzt. Übertragen Sie erneut.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>pushed: %1</source>
        <translation>übertragen: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>removed: %1</source>
        <translation>entfernt: %1</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::NetworkMonitor</name>
    <message>
        <location filename="../model/monitor/NetworkMonitor.cpp" line="+110"/>
        <source>%1: not polled yet</source>
        <translation>%1: noch nicht abgefragt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>neither end is managed here</source>
        <translation>keines der beiden Enden wird hier verwaltet</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>not polled yet</source>
        <translation>noch nicht abgefragt</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::NetworkMonitorView</name>
    <message>
        <location filename="../widgets/NetworkMonitorView.cpp" line="+81"/>
        <source>up</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>half-up</source>
        <translation>halb aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>down</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+215"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location line="-214"/>
        <source>&amp;Diagnose…</source>
        <translation>&amp;Diagnose …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chec&amp;k for drift…</source>
        <translation>Auf A&amp;bweichungen prüfen …</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tunnel</source>
        <translation>Tunnel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sites</source>
        <translation>Standorte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A → B</source>
        <translation>A → B</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>B → A</source>
        <translation>B → A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why / what was found</source>
        <translation>Warum / was gefunden wurde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answers</source>
        <translation>Antwortet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Round trip</source>
        <translation>Umlaufzeit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tunnel or site</source>
        <translation>Tunnel oder Standort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Filter:</source>
        <translation>F&amp;ilter:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Up</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Half-up</source>
        <translation>Halb aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Down</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All but up</source>
        <translation>Alle außer aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Show:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Every:</source>
        <translation>&amp;Alle:</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Double-click a tunnel (or press Enter) for both of its gateways side by side.</source>
        <translation>Doppelklick auf einen Tunnel (oder Eingabetaste) zeigt seine beiden Gateways nebeneinander.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Why the selected tunnel is down: look at both of its gateways, start it and read both charon logs of the attempt.</source>
        <translation>Warum der gewählte Tunnel nicht aktiv ist: beide Gateways ansehen, ihn starten und beide charon-Protokolle des Versuchs lesen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compare every managed gateway&apos;s files and loaded connections with what the profile makes (changing nothing).</source>
        <translation>Die Dateien und geladenen Verbindungen jedes verwalteten Gateways mit dem vergleichen, was das Profil erzeugt (ohne etwas zu ändern).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>E&amp;vents</source>
        <translation>&amp;Ereignisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Gateways</source>
        <translation>&amp;Gateways</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>waiting for the first poll</source>
        <translation>wartet auf die erste Abfrage</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tunnels: %1, sites: %2; waiting for the gateways.</source>
        <translation>Tunnel: %1, Standorte: %2; warte auf die Gateways.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: no answer: %2</source>
        <translation>%1: keine Antwort: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: answers again</source>
        <translation>%1: antwortet wieder</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no: %1</source>
        <translation>nein: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1: %2 → %3%4</source>
        <translation>%1: %2 → %3%4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (our end)</source>
        <translation> (unser Ende)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>no SA on either end</source>
        <translation>an keinem Ende eine SA</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 up · %2 half-up · %3 down · %4 unknown</source>
        <translation>%1 aktiv · %2 halb aktiv · %3 unterbrochen · %4 unbekannt</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::NetworkMonitorWindow</name>
    <message>
        <location filename="../widgets/NetworkMonitorWindow.cpp" line="+21"/>
        <source>Monitor — network %1</source>
        <translation>Monitor — Netz %1</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::NetworkSitesPage</name>
    <message>
        <location filename="../widgets/NetworkSitesPage.cpp" line="+64"/>
        <location line="+43"/>
        <source>Sites</source>
        <translation>Standorte</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>One row per site: its networks and its gateway. The tunnels follow the template; the next page lists them.</source>
        <translation>Eine Zeile je Standort: seine Netze und sein Gateway. Die Tunnel folgen der Vorlage; die nächste Seite listet sie auf.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Network name</source>
        <translation>Netzname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network&apos;s name: the bundle, the Ansible project and the monitor are named after it.</source>
        <translation>Der Name des Netzes: Paket, Ansible-Projekt und Monitor werden danach benannt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net&amp;work name:</source>
        <translation>&amp;Netzname:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hub and spokes: every branch has a tunnel to the hub</source>
        <translation>Zentrale und Außenstellen: jede Außenstelle hat einen Tunnel zur Zentrale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full mesh: a tunnel between every two sites</source>
        <translation>Vollvermascht: ein Tunnel zwischen je zwei Standorten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two sites: one tunnel</source>
        <translation>Zwei Standorte: ein Tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which tunnels the sites get. Tunnels added or removed by hand on the next page are kept.</source>
        <translation>Welche Tunnel die Standorte bekommen. Tunnel, die Sie auf der nächsten Seite von Hand hinzufügen oder entfernen, bleiben so.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>H&amp;ub:</source>
        <translation>Zen&amp;trale:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hub</source>
        <translation>Zentrale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The site every branch has its tunnel to, usually the head office or the data centre.</source>
        <translation>Der Standort, zu dem jede Außenstelle ihren Tunnel hat, meist die Hauptverwaltung oder das Rechenzentrum.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Template:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Spo&amp;kes reach each other through the hub</source>
        <translation>Außenstellen erreichen einander über die Zentra&amp;le</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spokes reach each other through the hub</source>
        <translation>Außenstellen erreichen einander über die Zentrale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each branch&apos;s tunnel also carries the other branches&apos; networks, routed through the hub.</source>
        <translation>Der Tunnel jeder Außenstelle trägt auch die Netze der anderen Außenstellen, über die Zentrale geroutet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;ites:</source>
        <translation>&amp;Standorte:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Networks</source>
        <translation>Netze</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gateway address</source>
        <translation>Gateway-Adresse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reached</source>
        <translation>Erreichbar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Public address (NAT)</source>
        <translation>Öffentliche Adresse (NAT)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Managed</source>
        <translation>Verwaltet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The site&apos;s networks, separated by blanks or commas: 10.1.0.0/24 10.1.8.0/22</source>
        <translation>Die Netze des Standorts, durch Leerzeichen oder Kommas getrennt: 10.1.0.0/24 10.1.8.0/22</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address on the gateway&apos;s outside interface, ADDR or ADDR/PREFIX.</source>
        <translation>Die Adresse an der äußeren Schnittstelle des Gateways, ADR oder ADR/PRÄFIX.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unticked: a peer someone else runs. Only our side is generated; its admin gets a settings sheet.</source>
        <translation>Nicht angehakt: eine Gegenstelle, die jemand anders betreibt. Nur unsere Seite wird erzeugt; deren Admin bekommt ein Einstellungsblatt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>directly</source>
        <translation>direkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>through NAT</source>
        <translation>über NAT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dynamic address</source>
        <translation>dynamische Adresse</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Add site</source>
        <translation>Standort &amp;hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add site</source>
        <translation>Standort hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new row at the end of the table, for the next branch.</source>
        <translation>Eine neue Zeile am Ende der Tabelle, für die nächste Außenstelle.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Duplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicate site</source>
        <translation>Standort duplizieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A copy of the selected site, to change into the next branch.</source>
        <translation>Eine Kopie des gewählten Standorts, um daraus die nächste Außenstelle zu machen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove site</source>
        <translation>Standort &amp;entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove site</source>
        <translation>Standort entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removes the selected site and its tunnels. A network keeps at least two sites.</source>
        <translation>Entfernt den gewählten Standort und seine Tunnel. Ein Netz behält mindestens zwei Standorte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste from a spreadsheet…</source>
        <translation>Aus einer Tabelle e&amp;infügen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste sites from a spreadsheet</source>
        <translation>Standorte aus einer Tabelle einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Many branches at once: one per line, name,networks,gateway[,reach,public address,software,managed].</source>
        <translation>Viele Außenstellen auf einmal: eine je Zeile, Name,Netze,Gateway[,Erreichbarkeit,öffentliche Adresse,Software,verwaltet].</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>Sites: %1. Tunnels: %2.</source>
        <translation>Standorte: %1. Tunnel: %2.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>The pasted sites do not read: %1</source>
        <translation>Die eingefügten Standorte sind nicht lesbar: %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Paste sites</source>
        <translation>Standorte einfügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One site per line: &lt;tt&gt;name,networks,gateway[,reach,public address,software,managed]&lt;/tt&gt;. Networks are separated by blanks; reach is direct, nat or dynamic; software is strongswan, racoon or racoon-tool; managed is yes or no. Tabs or semicolons work as separators too, so cells copied from a spreadsheet paste as they are.</source>
        <translation>Ein Standort je Zeile: &lt;tt&gt;Name,Netze,Gateway[,Erreichbarkeit,öffentliche Adresse,Software,verwaltet]&lt;/tt&gt;. Netze werden durch Leerzeichen getrennt; die Erreichbarkeit ist direct, nat oder dynamic; die Software strongswan, racoon oder racoon-tool; verwaltet ist yes oder no. Tabulatoren oder Semikolons trennen ebenso, daher lassen sich aus einer Tabellenkalkulation kopierte Zellen direkt einfügen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sites to add</source>
        <translation>Hinzuzufügende Standorte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add sites</source>
        <translation>Standorte hinzufügen</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::NetworkTunnelsPage</name>
    <message>
        <location filename="../widgets/NetworkTunnelsPage.cpp" line="+36"/>
        <location line="+8"/>
        <source>Tunnels</source>
        <translation>Tunnel</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>The tunnels the template made. Each carries all networks of its two sites unless you list some; each gets its own key.</source>
        <translation>Die Tunnel, die die Vorlage erzeugt hat. Jeder trägt alle Netze seiner beiden Standorte, sofern Sie nicht einzelne angeben; jeder bekommt einen eigenen Schlüssel.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>T&amp;unnels:</source>
        <translation>&amp;Tunnel:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Site A</source>
        <translation>Standort A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Site B</source>
        <translation>Standort B</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Networks at A</source>
        <translation>Netze bei A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Networks at B</source>
        <translation>Netze bei B</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Proposals</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty: every network of site A. Else the networks this tunnel carries, separated by blanks.</source>
        <translation>Leer: jedes Netz von Standort A. Sonst die Netze, die dieser Tunnel trägt, durch Leerzeichen getrennt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty: every network of site B. Else the networks this tunnel carries, separated by blanks.</source>
        <translation>Leer: jedes Netz von Standort B. Sonst die Netze, die dieser Tunnel trägt, durch Leerzeichen getrennt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New tunnel between</source>
        <translation>Neuer Tunnel zwischen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New tunnel&apos;s site A</source>
        <translation>Standort A des neuen Tunnels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One end of the tunnel to add.</source>
        <translation>Ein Ende des hinzuzufügenden Tunnels.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New tunnel&apos;s site B</source>
        <translation>Standort B des neuen Tunnels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The other end of the tunnel to add.</source>
        <translation>Das andere Ende des hinzuzufügenden Tunnels.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add tunnel</source>
        <translation>Tunnel &amp;hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add tunnel</source>
        <translation>Tunnel hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A tunnel between the two sites chosen, beyond the template&apos;s (a branch-to-branch shortcut, say).</source>
        <translation>Ein Tunnel zwischen den beiden gewählten Standorten, zusätzlich zu denen der Vorlage (etwa eine direkte Verbindung zwischen Außenstellen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Remove tunnel</source>
        <translation>Tunnel &amp;entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove tunnel</source>
        <translation>Tunnel entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removes the selected tunnel; the template does not make it again when sites change.</source>
        <translation>Entfernt den gewählten Tunnel; die Vorlage erzeugt ihn nicht wieder, wenn sich Standorte ändern.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit addresses and algorithms…</source>
        <translation>&amp;Adressen und Algorithmen bearbeiten …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit addresses and algorithms of the selected tunnel</source>
        <translation>Adressen und Algorithmen des gewählten Tunnels bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected tunnel on the two-site pages: its gateways&apos; addresses, its own proposals and key.</source>
        <translation>Der gewählte Tunnel auf den Seiten für zwei Standorte: die Adressen seiner Gateways, seine eigenen Vorschläge und sein Schlüssel.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Double-click or “Edit addresses and algorithms…” to give this tunnel its own proposals.</source>
        <translation>Doppelklick oder „Adressen und Algorithmen bearbeiten …“, um diesem Tunnel eigene Vorschläge zu geben.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Tunnels: %1, each with its own fresh key.</source>
        <translation>Tunnel: %1, jeder mit eigenem frischem Schlüssel.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A tunnel joins two different sites.</source>
        <translation>Ein Tunnel verbindet zwei verschiedene Standorte.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::PeerCheck</name>
    <message>
        <location filename="../model/diagnose/PeerCheck.cpp" line="+86"/>
        <source>ESP (phase 2) › Encryption</source>
        <translation>ESP (Phase 2) › Verschlüsselung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ESP (phase 2) › Integrity</source>
        <translation>ESP (Phase 2) › Integrität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ESP (phase 2) › PFS group</source>
        <translation>ESP (Phase 2) › PFS-Gruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IKE (phase 1) › Encryption</source>
        <translation>IKE (Phase 1) › Verschlüsselung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IKE (phase 1) › Integrity</source>
        <translation>IKE (Phase 1) › Integrität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IKE (phase 1) › PRF</source>
        <translation>IKE (Phase 1) › PRF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IKE (phase 1) › DH group</source>
        <translation>IKE (Phase 1) › DH-Gruppe</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ask the admin of %1 to set %2 as its settings sheet says (the Review page saves the sheet; generate --all writes it).</source>
        <translation>Bitten Sie den Admin von %1, %2 so einzustellen, wie es sein Einstellungsblatt sagt (die Seite „Überprüfen“ speichert das Blatt; generate --all schreibt es).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Push the profile to %1 again: its files are not what the profile generates.</source>
        <translation>Übertragen Sie das Profil erneut auf %1: seine Dateien sind nicht das, was das Profil erzeugt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 does not follow its settings sheet: %2.</source>
        <translation>%1 hält sich nicht an sein Einstellungsblatt: %2.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1: the sheet says %2, %3 proposed %4</source>
        <translation>%1: das Blatt sagt %2, %3 schlug %4 vor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 proposed what its settings sheet says, and %2 refused it: %2&apos;s %3 proposals are not the profile&apos;s.</source>
        <translation>%1 schlug vor, was sein Einstellungsblatt sagt, und %2 lehnte es ab: die %3-Vorschläge von %2 sind nicht die des Profils.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+159"/>
        <location line="+4"/>
        <source>ESP (phase 2)</source>
        <translation>ESP (Phase 2)</translation>
    </message>
    <message>
        <location line="-163"/>
        <location line="+159"/>
        <location line="+4"/>
        <source>IKE (phase 1)</source>
        <translation>IKE (Phase 1)</translation>
    </message>
    <message>
        <location line="-134"/>
        <source>Your gateway › IKE identity: the sheet says %1, %2 sent %3</source>
        <translation>Ihr Gateway › IKE-Identität: das Blatt sagt %1, %2 sandte %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Our gateway › IKE identity: the sheet says %1, %2 expects %3</source>
        <translation>Unser Gateway › IKE-Identität: das Blatt sagt %1, %2 erwartet %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 sent the identities its settings sheet says (%2 for itself, %3 for %4), and %4 has no connection for them: %4&apos;s configuration is not the profile&apos;s.</source>
        <translation>%1 sandte die Identitäten, die sein Einstellungsblatt sagt (%2 für sich, %3 für %4), und %4 hat keine Verbindung für sie: die Konfiguration von %4 ist nicht die des Profils.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the IKE identities</source>
        <translation>die IKE-Identitäten</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Your gateway › Networks: the sheet says %1, %2 asked for %3</source>
        <translation>Ihr Gateway › Netze: das Blatt sagt %1, %2 verlangte %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Our gateway › Networks: the sheet says %1, %2 asked for %3</source>
        <translation>Unser Gateway › Netze: das Blatt sagt %1, %2 verlangte %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 asked for the networks its settings sheet says, and %2 has no tunnel for them: %2&apos;s configuration is not the profile&apos;s.</source>
        <translation>%1 verlangte die Netze, die sein Einstellungsblatt sagt, und %2 hat keinen Tunnel für sie: die Konfiguration von %2 ist nicht die des Profils.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+105"/>
        <source>the networks</source>
        <translation>die Netze</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>%1 does not follow its settings sheet: IKE (phase 1) › Version: the sheet says IKEv%2, %1 speaks IKEv%3.</source>
        <translation>%1 hält sich nicht an sein Einstellungsblatt: IKE (Phase 1) › Version: das Blatt sagt IKEv%2, %1 spricht IKEv%3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the IKE version</source>
        <translation>die IKE-Version</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 does not follow its settings sheet: Authentication › Pre-shared key: %2 checked %1&apos;s authentication with the tunnel&apos;s key, and it did not match, so %1 holds another key.</source>
        <translation>%1 hält sich nicht an sein Einstellungsblatt: Authentifizierung › Pre-Shared Key: %2 prüfte die Authentifizierung von %1 mit dem Schlüssel des Tunnels, und sie passte nicht, also hat %1 einen anderen Schlüssel.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give the admin of %1 the tunnel&apos;s key again, by a safe way of your own (the sheet never carries it).</source>
        <translation>Geben Sie dem Admin von %1 den Schlüssel des Tunnels noch einmal, auf einem eigenen sicheren Weg (das Blatt enthält ihn nie).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 accepted none of %2&apos;s %3 proposals: its %4 settings are not its sheet&apos;s (%5). Which one differs, only %1&apos;s log can tell.</source>
        <translation>%1 nahm keinen der %3-Vorschläge von %2 an: seine Einstellungen für %4 sind nicht die seines Blatts (%5). Welche abweicht, kann nur das Protokoll von %1 sagen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 has no tunnel for the networks %2 asked for: its networks are not its sheet&apos;s (Your gateway › Networks: %3; Our gateway › Networks: %4).</source>
        <translation>%1 hat keinen Tunnel für die Netze, die %2 verlangte: seine Netze sind nicht die seines Blatts (Ihr Gateway › Netze: %3; Unser Gateway › Netze: %4).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 refused %2&apos;s authentication: its pre-shared key, or the identity it expects of %2 (Our gateway › IKE identity: %3), is not what its sheet says.</source>
        <translation>%1 lehnte die Authentifizierung von %2 ab: sein Pre-Shared Key oder die Identität, die es von %2 erwartet (Unser Gateway › IKE-Identität: %3), ist nicht, was sein Blatt sagt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ask the admin of %1 to check the remote identity (%2) against its settings sheet, and give it the tunnel&apos;s key again by a safe way of your own.</source>
        <translation>Bitten Sie den Admin von %1, die Identität der Gegenstelle (%2) mit seinem Einstellungsblatt zu vergleichen, und geben Sie ihm den Schlüssel des Tunnels noch einmal auf einem eigenen sicheren Weg.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::ProfileDraft</name>
    <message>
        <location filename="../widgets/ProfileDraft.cpp" line="+92"/>
        <source>%1 sites and one tunnel</source>
        <translation>%1 Standorte und einen Tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 sites and %2 tunnels</source>
        <translation>%1 Standorte und %2 Tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network “%1” has %2. These pages show tunnel “%3” and its two sites; the others (%4) are saved as they are.</source>
        <translation>Das Netz „%1“ hat %2. Diese Seiten zeigen Tunnel „%3“ und seine zwei Standorte; die übrigen (%4) werden unverändert gespeichert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its other sites</source>
        <translation>seine übrigen Standorte</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The network has no tunnel yet.</source>
        <translation>Das Netz hat noch keinen Tunnel.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::ProfileJson</name>
    <message>
        <location filename="../model/profile/TunnelProfile.cpp" line="+40"/>
        <source>expected one of racoon-tool, racoon, strongswan, found “%1”</source>
        <translation>erwartet racoon-tool, racoon oder strongswan, gefunden „%1“</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>The file is %1 bytes; a profile is at most %2 bytes. Is this the right file?</source>
        <translation>Die Datei ist %1 Byte groß; ein Profil hat höchstens %2 Byte. Ist das die richtige Datei?</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Expected “%1”, found “%2”; this is not an IPsec Wizard profile.</source>
        <translation>Erwartet „%1“, gefunden „%2“; das ist kein IPsec-Wizard-Profil.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is missing; expected %1.</source>
        <translation>fehlt; erwartet %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected %1, found %2.</source>
        <translation>erwartet %1, gefunden %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This profile was written by a newer IPsec Wizard (format version %1); this one reads version %2. Update IPsec Wizard to open it.</source>
        <translation>Dieses Profil stammt von einem neueren IPsec Wizard (Formatversion %1); dieser liest Version %2. Aktualisieren Sie IPsec Wizard, um es zu öffnen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This profile is a network of %1 sites and %2 tunnels. `ipsec-wizard validate` checks it whole; generating, pushing and monitoring take one tunnel between two sites for now.</source>
        <translation>Dieses Profil ist ein Netz aus %1 Standorten und %2 Tunneln. `ipsec-wizard validate` prüft es vollständig; Erzeugen, Übertragen und Überwachen arbeiten vorerst mit einem Tunnel zwischen zwei Standorten.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Cannot open the profile: %1.</source>
        <translation>Das Profil lässt sich nicht öffnen: %1.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::Psk</name>
    <message>
        <location filename="../model/profile/Psk.cpp" line="+15"/>
        <source>A key must be %1 to %2 bytes long; %3 was asked for.</source>
        <translation>Ein Schlüssel muss %1 bis %2 Byte lang sein; verlangt waren %3.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::RawOutputView</name>
    <message>
        <location filename="../widgets/RawOutputView.cpp" line="+19"/>
        <source>Raw output</source>
        <translation>Rohausgabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The tool&apos;s own output; lines that changed since the previous poll are highlighted</source>
        <translation>Die Ausgabe des Werkzeugs selbst; seit der vorigen Abfrage geänderte Zeilen sind hervorgehoben</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>[output truncated: %1 of %2 bytes shown%3]</source>
        <translation>[Ausgabe abgeschnitten: %1 von %2 Byte gezeigt%3]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; the gateway sent more than the monitor keeps</source>
        <translation>; das Gateway hat mehr geschickt, als die Überwachung aufbewahrt</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::ReviewPage</name>
    <message>
        <location filename="../widgets/ReviewPage.cpp" line="+28"/>
        <source>Review</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What each gateway gets: its IPsec configuration, routes and firewall rules. Save the profile to come back to it; export the bundle to carry everything to the gateways.</source>
        <translation>Was jedes Gateway bekommt: seine IPsec-Konfiguration, Routen und Firewall-Regeln. Speichern Sie das Profil, um später darauf zurückzukommen; exportieren Sie das Paket, um alles zu den Gateways zu bringen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Gateways</source>
        <translation>Gateways</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every gateway of the network; its files are on the right.</source>
        <translation>Jedes Gateway des Netzes; seine Dateien stehen rechts.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Save profile…</source>
        <translation>Profil spei&amp;chern …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the tunnel as a profile (JSON) to open, change or deploy later; you choose whether the key goes in.</source>
        <translation>Den Tunnel als Profil (JSON) speichern, um ihn später zu öffnen, zu ändern oder auszurollen; Sie entscheiden, ob der Schlüssel hineinkommt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export bundle…</source>
        <translation>Paket e&amp;xportieren …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export bundle</source>
        <translation>Paket exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write both gateways&apos; files, install scripts, a README and the drawing as .tar.gz, .zip or a folder.</source>
        <translation>Die Dateien beider Gateways, Installationsskripte, eine README und die Zeichnung als .tar.gz, .zip oder Ordner schreiben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;this gateway…</source>
        <translation>&amp;Dieses Gateway exportieren …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export this gateway&apos;s bundle</source>
        <translation>Das Paket dieses Gateways exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle for the gateway whose files are shown only: its folder, install script and the README.</source>
        <translation>Das Paket nur für das Gateway, dessen Dateien angezeigt werden: sein Ordner, das Installationsskript und die README.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;drawing…</source>
        <translation>Zeichnun&amp;g speichern …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save drawing</source>
        <translation>Zeichnung speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the topology drawing as SVG or PNG.</source>
        <translation>Die Topologie-Zeichnung als SVG oder PNG speichern.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings s&amp;heet…</source>
        <translation>Einstellungs&amp;blatt …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the settings sheet for the peer&apos;s admin</source>
        <translation>Das Einstellungsblatt für den Admin der Gegenstelle speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One page for the admin of the gateway someone else runs: addresses, identities, networks, proposals and lifetimes their side must match. The key is not in it; exchange it separately.</source>
        <translation>Eine Seite für den Admin des Gateways, das jemand anderes betreibt: Adressen, Identitäten, Netze, Vorschläge und Lebensdauern, zu denen seine Seite passen muss. Der Schlüssel steht nicht darin; tauschen Sie ihn getrennt aus.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Tunnel &lt;b&gt;%1&lt;/b&gt;: %2 behind %3 ⇄ %4 behind %5. Files for the two gateways: %6.</source>
        <translation>Tunnel &lt;b&gt;%1&lt;/b&gt;: %2 hinter %3 ⇄ %4 hinter %5. Dateien für die beiden Gateways: %6.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+61"/>
        <source>Nothing can be generated until the errors below are fixed; go back to the page that has them.</source>
        <translation>Es lässt sich nichts erzeugen, bis die Fehler unten behoben sind; gehen Sie zurück zu der Seite, auf der sie stehen.</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Network &lt;b&gt;%1&lt;/b&gt;: %2 sites, %3 tunnels. Files for %4 gateways; choose one on the left.</source>
        <translation>Netz &lt;b&gt;%1&lt;/b&gt;: %2 Standorte, %3 Tunnel. Dateien für %4 Gateways; wählen Sie links eines.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tunnel &lt;b&gt;%1&lt;/b&gt;: site %2 ⇄ site %3. Files: %4.</source>
        <translation>Tunnel &lt;b&gt;%1&lt;/b&gt;: Standort %2 ⇄ Standort %3. Dateien: %4.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Saved %1 with the key (readable by you only).</source>
        <translation>%1 mit Schlüssel gespeichert (nur für Sie lesbar).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved %1 without the key.</source>
        <translation>%1 ohne Schlüssel gespeichert.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Exported %1.</source>
        <translation>%1 exportiert.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No gateway&apos;s files are shown.</source>
        <translation>Es werden keine Dateien eines Gateways angezeigt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Site “%1” is run by someone else: nothing is installed there. Save its settings sheet for its admin instead.</source>
        <translation>Standort „%1“ wird von jemand anderem betrieben: Dort wird nichts installiert. Speichern Sie stattdessen sein Einstellungsblatt für dessen Admin.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exported the files of %1 to %2.</source>
        <translation>Die Dateien von %1 nach %2 exportiert.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved the settings sheet as %1.</source>
        <translation>Einstellungsblatt als %1 gespeichert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save settings sheet</source>
        <translation>Einstellungsblatt speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot save the settings sheet</source>
        <translation>Das Einstellungsblatt lässt sich nicht speichern</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot save the profile</source>
        <translation>Das Profil lässt sich nicht speichern</translation>
    </message>
    <message>
        <location line="-222"/>
        <location line="+231"/>
        <source>Cannot export the bundle</source>
        <translation>Das Paket lässt sich nicht exportieren</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::SaTableModel</name>
    <message>
        <location filename="../model/monitor/SaTableModel.cpp" line="+63"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPI</source>
        <translation>SPI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Integrity</source>
        <translation>Integrität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age / lifetime</source>
        <translation>Alter / Lebensdauer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 B/s</source>
        <translation>%1 B/s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 s of %2 s</source>
        <translation>%1 s von %2 s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::SecretPrompt</name>
    <message>
        <location filename="../widgets/SecretPrompt.cpp" line="+18"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unknown host key</source>
        <translation>Unbekannter Host-Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The authenticity of host %1 can&apos;t be established.

%2 key fingerprint is
%3

Compare it with `ssh-keygen -lf` on the gateway. Accept it and record it in known_hosts?</source>
        <translation>Die Echtheit von Host %1 lässt sich nicht feststellen.

Der Fingerabdruck des %2-Schlüssels ist
%3

Vergleichen Sie ihn mit `ssh-keygen -lf` auf dem Gateway. Annehmen und in known_hosts speichern?</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::SecretsReader</name>
    <message>
        <location filename="../model/import/IpsecConfImport.cpp" line="-89"/>
        <source>The include is not read: %1</source>
        <translation>Die include-Anweisung wird nicht gelesen: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not a line of ipsec.secrets (IDS : TYPE KEY).</source>
        <translation>Keine Zeile von ipsec.secrets (IDS : TYPE KEY).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only pre-shared keys (PSK) are in the profile.</source>
        <translation>Im Profil gibt es nur Pre-Shared Keys (PSK).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A pre-shared key the import cannot read (empty, or blanks outside quotes).</source>
        <translation>Ein Pre-Shared Key, den der Import nicht lesen kann (leer oder Leerzeichen außerhalb von Anführungszeichen).</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::SitesPage</name>
    <message>
        <location filename="../widgets/SitesPage.cpp" line="+43"/>
        <source>Sites</source>
        <translation>Standorte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network behind each gateway and the gateway&apos;s addresses. Each field is checked as you type.</source>
        <translation>Das Netz hinter jedem Gateway und die Adressen des Gateways. Jedes Feld wird schon beim Tippen geprüft.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tunnel na&amp;me:</source>
        <translation>Tunnel&amp;name:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tunnel name</source>
        <translation>Tunnelname</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. office-to-branch</source>
        <translation>z. B. zentrale-filiale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names the files and firewall tables on both gateways: letters, digits, “-” and “_”, at most 32.</source>
        <translation>Benennt die Dateien und Firewall-Tabellen auf beiden Gateways: Buchstaben, Ziffern, „-“ und „_“, höchstens 32.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sho&amp;w tunnel:</source>
        <translation>&amp;Gezeigter Tunnel:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tunnel shown</source>
        <translation>Gezeigter Tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The tunnel of the network these pages show; the others are kept as they are.</source>
        <translation>Der Tunnel des Netzes, den diese Seiten zeigen; die übrigen bleiben, wie sie sind.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+268"/>
        <source>Site A</source>
        <translation>Standort A</translation>
    </message>
    <message>
        <location line="-268"/>
        <location line="+268"/>
        <source>Site B</source>
        <translation>Standort B</translation>
    </message>
    <message>
        <location line="-265"/>
        <source>N&amp;etwork:</source>
        <translation>N&amp;etz:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Netw&amp;ork:</source>
        <translation>Ne&amp;tz:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+280"/>
        <source>P&amp;ublic address:</source>
        <translation>Öffentli&amp;che Adresse:</translation>
    </message>
    <message>
        <location line="-280"/>
        <location line="+280"/>
        <source>Publi&amp;c address:</source>
        <translation>Öffentliche A&amp;dresse:</translation>
    </message>
    <message>
        <location line="-279"/>
        <source>&amp;Internal address:</source>
        <translation>&amp;Interne Adresse:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inte&amp;rnal address:</source>
        <translation>Interne Adre&amp;sse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Default router:</source>
        <translation>Standard&amp;router:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Defau&amp;lt router:</source>
        <translation>Standardro&amp;uter:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Network %1</source>
        <translation>Netz %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <location line="+7"/>
        <location line="+3"/>
        <location line="+87"/>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>The networks behind gateway %1 that the tunnel protects, as address/prefix (CIDR); several (a LAN and a VoIP network) separated by commas.</source>
        <translation>Die Netze hinter Gateway %1, die der Tunnel schützt, als Adresse/Präfix (CIDR); mehrere (ein LAN und ein VoIP-Netz) durch Kommas getrennt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Public address of gateway %1</source>
        <translation>Öffentliche Adresse von Gateway %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gateway %1&apos;s address on the internet side. Add the prefix (/24) when both gateways share one subnet; without one, traffic to the peer goes through a default router.</source>
        <translation>Die Adresse von Gateway %1 auf der Internetseite. Geben Sie das Präfix (/24) mit an, wenn beide Gateways im selben Subnetz liegen; ohne Präfix geht der Verkehr zur Gegenstelle über einen Standardrouter.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Internal address of gateway %1</source>
        <translation>Interne Adresse von Gateway %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gateway %1&apos;s own address inside network %1.</source>
        <translation>Die eigene Adresse von Gateway %1 in Netz %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default router of gateway %1</source>
        <translation>Standardrouter von Gateway %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The router gateway %1 sends internet traffic to (its ISP&apos;s router). Needed only when the other gateway is not on the same public subnet.</source>
        <translation>Der Router, an den Gateway %1 Internetverkehr schickt (der Router seines Providers). Nur nötig, wenn das andere Gateway nicht im selben öffentlichen Subnetz liegt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Managed b&amp;y someone else</source>
        <translation>Von jemand anderem &amp;verwaltet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mana&amp;ged by someone else</source>
        <translation>Von jemand anderem verwa&amp;ltet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gateway %1 managed by someone else</source>
        <translation>Gateway %1 wird von jemand anderem verwaltet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A partner&apos;s or provider&apos;s gateway: only our side is generated and pushed, and the Review page gives a settings sheet for its admin.</source>
        <translation>Das Gateway eines Partners oder Providers: Nur unsere Seite wird erzeugt und übertragen, und die Seite „Überprüfen“ gibt ein Einstellungsblatt für seinen Admin.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Reac&amp;hed at:</source>
        <translation>Erreic&amp;hbar über:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reached a&amp;t:</source>
        <translation>Erreichbar ü&amp;ber:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How the peers reach gateway %1</source>
        <translation>Wie die Gegenstellen Gateway %1 erreichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this address</source>
        <translation>diese Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a public address, through NAT</source>
        <translation>eine öffentliche Adresse, über NAT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an address that changes (dynamic)</source>
        <translation>eine wechselnde Adresse (dynamisch)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behind NAT: a router in front of gateway %1 (a cloud provider&apos;s, a branch router with a port forward) translates a public address to the address above. Dynamic: gateway %1&apos;s public address changes, so it starts its tunnels and its peers accept it from anywhere.</source>
        <translation>Hinter NAT: Ein Router vor Gateway %1 (der eines Cloud-Anbieters, ein Filialrouter mit Portweiterleitung) übersetzt eine öffentliche Adresse in die Adresse oben. Dynamisch: Die öffentliche Adresse von Gateway %1 wechselt; es startet daher seine Tunnel selbst, und seine Gegenstellen nehmen es von überall an.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>NAT addre&amp;ss:</source>
        <translation>Öffe&amp;ntliche Adresse:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NAT &amp;address:</source>
        <translation>Öffentli&amp;che NAT-Adresse:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Public address of gateway %1 behind NAT</source>
        <translation>Öffentliche Adresse von Gateway %1 hinter NAT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The public address the NAT router in front of gateway %1 translates to its own; the peers send to it.</source>
        <translation>Die öffentliche Adresse, die der NAT-Router vor Gateway %1 in dessen eigene übersetzt; die Gegenstellen senden an sie.</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Inter&amp;face address:</source>
        <translation>L&amp;okale Adresse:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Interfa&amp;ce address:</source>
        <translation>Lo&amp;kale Adresse:</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Correct the fields marked ✖ to go on.</source>
        <translation>Korrigieren Sie die mit ✖ markierten Felder, um fortzufahren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Still to fill in: %1.</source>
        <translation>Noch auszufüllen: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warnings (⚠) do not stop you; read them before you deploy.</source>
        <translation>Warnungen (⚠) halten Sie nicht auf; lesen Sie sie vor dem Ausrollen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Both sites are complete.</source>
        <translation>Beide Standorte sind vollständig.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::SpTableModel</name>
    <message>
        <location filename="../model/monitor/SpTableModel.cpp" line="+37"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::SshSession</name>
    <message>
        <location filename="../remote/SshSession.cpp" line="+103"/>
        <source>Cannot create an SSH session.</source>
        <translation>Es lässt sich keine SSH-Sitzung anlegen.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cannot connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The server sent no host key.</source>
        <translation>Der Server hat keinen Host-Schlüssel geschickt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot compute the host key&apos;s fingerprint.</source>
        <translation>Der Fingerabdruck des Host-Schlüssels lässt sich nicht berechnen.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The authenticity of host %1 can&apos;t be established: its %2 key fingerprint is %3, which is not in %4. Nothing was sent. Compare it with `ssh-keygen -lf` on the gateway, then accept it (CLI: --accept-new-host-key).</source>
        <translation>Die Echtheit des Hosts %1 lässt sich nicht feststellen: Der Fingerabdruck seines %2-Schlüssels ist %3 und steht nicht in %4. Es wurde nichts gesendet. Vergleichen Sie ihn mit `ssh-keygen -lf` auf dem Gateway und nehmen Sie ihn dann an (CLI: --accept-new-host-key).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot record the host key in %1: %2</source>
        <translation>Der Host-Schlüssel lässt sich nicht in %1 speichern: %2</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Cannot check the host key against %1: %2</source>
        <translation>Der Host-Schlüssel lässt sich nicht mit %1 abgleichen: %2</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>“%1” is not a host name or address; nothing was run.</source>
        <translation>„%1“ ist weder Hostname noch Adresse; nichts wurde ausgeführt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not a valid user name; nothing was run.</source>
        <translation>„%1“ ist kein gültiger Benutzername; nichts wurde ausgeführt.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! Someone could be eavesdropping on you right now (man-in-the-middle attack), or the host key has just been changed. The %1 key sent by %2 has the fingerprint %3, which does not match the key recorded for it in %4. Nothing was sent. If the change is expected, remove the old key with: ssh-keygen -R %2 -f %4</source>
        <translation>WARNUNG: DIE IDENTIFIKATION DES ENTFERNTEN HOSTS HAT SICH GEÄNDERT! Möglicherweise hört gerade jemand mit (Man-in-the-Middle-Angriff), oder der Host-Schlüssel wurde gerade geändert. Der %1-Schlüssel, den %2 geschickt hat, hat den Fingerabdruck %3, der nicht zu dem Schlüssel passt, der für diesen Host in %4 gespeichert ist. Es wurde nichts gesendet. Ist die Änderung erwartet, den alten Schlüssel entfernen mit: ssh-keygen -R %2 -f %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The host key for %1 is recorded in %4 with a different key type than the %2 key it sent now (%3). This may be a man-in-the-middle attack; nothing was sent. Check the gateway&apos;s keys with ssh-keygen -lf.</source>
        <translation>Der Host-Schlüssel für %1 ist in %4 mit einem anderen Schlüsseltyp gespeichert als der %2-Schlüssel, den er jetzt geschickt hat (%3). Das kann ein Man-in-the-Middle-Angriff sein; es wurde nichts gesendet. Die Schlüssel des Gateways mit ssh-keygen -lf prüfen.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>ssh-agent</source>
        <translation>ssh-agent</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>key %1</source>
        <translation>Schlüssel %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Passphrase for %1</source>
        <translation>Passphrase für %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>default keys in ~/.ssh</source>
        <translation>Standardschlüssel in ~/.ssh</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>keyboard-interactive</source>
        <translation>keyboard-interactive</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+57"/>
        <location line="+67"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Permission denied (tried: %1).</source>
        <translation>Zugriff verweigert (versucht: %1).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nothing the server offers</source>
        <translation>nichts, was der Server anbietet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot open a channel: %1</source>
        <translation>Es lässt sich kein Kanal öffnen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot run a command: %1</source>
        <translation>Ein Befehl lässt sich nicht ausführen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot send input to the command: %1</source>
        <translation>Dem Befehl lässt sich keine Eingabe senden: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The command did not finish within %1 s.</source>
        <translation>Der Befehl wurde nicht innerhalb von %1 s fertig.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The connection broke while the command ran: %1</source>
        <translation>Die Verbindung brach ab, während der Befehl lief: %1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Cannot start SFTP: %1</source>
        <translation>SFTP lässt sich nicht starten: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot create the file on %1 (SFTP error %2).</source>
        <translation>Die Datei auf %1 lässt sich nicht anlegen (SFTP-Fehler %2).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot write the file on %1 (SFTP error %2).</source>
        <translation>Die Datei auf %1 lässt sich nicht schreiben (SFTP-Fehler %2).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot set the file mode on %1.</source>
        <translation>Die Dateirechte auf %1 lassen sich nicht setzen.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::StrongSwan</name>
    <message>
        <location filename="../model/import/StrongSwanConnections.cpp" line="+131"/>
        <source>Connection “%1” gives this gateway another address; the site keeps %2.</source>
        <translation>Verbindung „%1“ gibt diesem Gateway eine andere Adresse; der Standort behält %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection “%1” gives this gateway another identity; the site keeps its.</source>
        <translation>Verbindung „%1“ gibt diesem Gateway eine andere Identität; der Standort behält seine.</translation>
    </message>
    <message>
        <location filename="../model/import/StrongSwanSettings.cpp" line="+378"/>
        <source>An include without a file.</source>
        <translation>Eine include-Anweisung ohne Datei.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The include leads out of the folder being imported (“..”); it is not read.</source>
        <translation>Die include-Anweisung führt aus dem importierten Ordner hinaus („..“); sie wird nicht gelesen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The include is not read: %1</source>
        <translation>Die include-Anweisung wird nicht gelesen: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The include names no file here.</source>
        <translation>Die include-Anweisung nennt hier keine Datei.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The include of %1 is a loop (it is being read already); it is not read again.</source>
        <translation>Das Einbinden von %1 ist eine Schleife (die Datei wird bereits gelesen); sie wird nicht erneut gelesen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Includes nest deeper than %1 files; %2 is not read.</source>
        <translation>include-Anweisungen sind tiefer als %1 Dateien verschachtelt; %2 wird nicht gelesen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>More than %1 files are included; %2 is not read.</source>
        <translation>Mehr als %1 Dateien werden eingebunden; %2 wird nicht gelesen.</translation>
    </message>
    <message>
        <location line="+221"/>
        <source>It lists several proposals; the profile has one.</source>
        <translation>Er nennt mehrere Vorschläge; das Profil hat einen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>strongSwan&apos;s default proposals are not one the profile can name.</source>
        <translation>Die Standardvorschläge von strongSwan sind keiner, den das Profil benennen kann.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Extended sequence numbers (esn) are not in the profile.</source>
        <translation>Erweiterte Sequenznummern (esn) sind nicht im Profil.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not an algorithm the profile offers.</source>
        <translation>„%1“ ist kein Algorithmus, den das Profil anbietet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>It offers several of one kind (%1 and %2); the profile has one of each.</source>
        <translation>Er bietet mehrere einer Art an (%1 und %2); das Profil hat je einen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It names no encryption algorithm.</source>
        <translation>Er nennt keinen Verschlüsselungsalgorithmus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It names an integrity algorithm with an AEAD cipher.</source>
        <translation>Er nennt einen Integritätsalgorithmus zusammen mit einer AEAD-Chiffre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It names no integrity algorithm for %1.</source>
        <translation>Er nennt keinen Integritätsalgorithmus für %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>It names no PRF.</source>
        <translation>Er nennt keine PRF.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It names no Diffie-Hellman group.</source>
        <translation>Er nennt keine Diffie-Hellman-Gruppe.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>ESP has no PRF (%1).</source>
        <translation>ESP hat keine PRF (%1).</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::StrongSwan::Parser</name>
    <message>
        <location line="-500"/>
        <source>The section “%1” has no closing brace; what follows it was read into it.</source>
        <translation>Dem Abschnitt „%1“ fehlt die schließende geschweifte Klammer; was danach kommt, wurde in ihn hineingelesen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A closing brace without a section.</source>
        <translation>Eine schließende geschweifte Klammer ohne Abschnitt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+16"/>
        <source>This line cannot be read as a setting.</source>
        <translation>Diese Zeile lässt sich nicht als Einstellung lesen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A quoted value with no closing quote.</source>
        <translation>Ein Wert in Anführungszeichen ohne schließendes Anführungszeichen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set again at %1:%2; the later value counts.</source>
        <translation>Erneut gesetzt in %1:%2; der spätere Wert zählt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+43"/>
        <source>Sections nest deeper than %1 levels; this one is not read.</source>
        <translation>Abschnitte sind tiefer als %1 Ebenen verschachtelt; dieser wird nicht gelesen.</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>This line is neither “key = value” nor a section.</source>
        <translation>Diese Zeile ist weder „key = value“ noch ein Abschnitt.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The include is not read: %1</source>
        <translation>Die include-Anweisung wird nicht gelesen: %1</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::SwanctlReader</name>
    <message>
        <location filename="../model/import/SwanctlImport.cpp" line="-331"/>
        <source>A setting outside of any connection.</source>
        <translation>Eine Einstellung außerhalb jeder Verbindung.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Certificate authorities are not in the profile; tunnels authenticate with a pre-shared key.</source>
        <translation>Zertifizierungsstellen sind nicht im Profil; Tunnel authentisieren sich mit einem Pre-Shared Key.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not a swanctl.conf section the importer reads.</source>
        <translation>„%1“ ist kein Abschnitt von swanctl.conf, den der Import liest.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connections made from a template (“: %1”) are not read.</source>
        <translation>Verbindungen, die aus einer Vorlage erzeugt werden („: %1“), werden nicht gelesen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The profile takes one IKE version; IKEv2 is kept.</source>
        <translation>Das Profil nimmt eine IKE-Version; IKEv2 wird behalten.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+6"/>
        <source>A second round of authentication is not in the profile.</source>
        <translation>Eine zweite Authentisierungsrunde ist nicht im Profil.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A setting outside of any child.</source>
        <translation>Eine Einstellung außerhalb jedes Childs.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is not a section of a connection the importer reads.</source>
        <translation>„%1“ ist kein Abschnitt einer Verbindung, den der Import liest.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>IKEv1 has no rekeying; the profile&apos;s IKEv1 lifetime is reauth_time.</source>
        <translation>IKEv1 kennt keine Neuverschlüsselung; die IKEv1-Lebensdauer des Profils ist reauth_time.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+97"/>
        <source>Not a duration the profile can hold.</source>
        <translation>Keine Dauer, die das Profil aufnehmen kann.</translation>
    </message>
    <message>
        <location line="-77"/>
        <location line="+59"/>
        <source>The proposal is not one the profile can express: %1 The profile&apos;s default is kept.</source>
        <translation>Der Vorschlag ist keiner, den das Profil ausdrücken kann: %1 Die Vorgabe des Profils wird behalten.</translation>
    </message>
    <message>
        <location line="-51"/>
        <location line="+63"/>
        <source>Several proposals; the profile keeps the first, %1.</source>
        <translation>Mehrere Vorschläge; das Profil behält den ersten, %1.</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+34"/>
        <source>“%1” is not a section the importer reads.</source>
        <translation>„%1“ ist kein Abschnitt, den der Import liest.</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Authentication by “%1” is not in the profile; tunnels authenticate with a pre-shared key.</source>
        <translation>Authentisierung per „%1“ ist nicht im Profil; Tunnel authentisieren sich mit einem Pre-Shared Key.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An identity the profile cannot express (a distinguished name, %any or a wildcard); the address is used.</source>
        <translation>Eine Identität, die das Profil nicht ausdrücken kann (ein Distinguished Name, %any oder ein Platzhalter); die Adresse wird verwendet.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Children made from a template (“: %1”) are not read.</source>
        <translation>Childs, die aus einer Vorlage erzeugt werden („: %1“), werden nicht gelesen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Another child of this connection has other ESP proposals; a tunnel has one, the first child&apos;s.</source>
        <translation>Ein anderes Child dieser Verbindung hat andere ESP-Vorschläge; ein Tunnel hat einen, den des ersten Childs.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Another child of this connection has another rekey time; a tunnel has one, the first child&apos;s.</source>
        <translation>Ein anderes Child dieser Verbindung hat eine andere Zeit bis zur Neuverschlüsselung; ein Tunnel hat eine, die des ersten Childs.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The generator decides how a tunnel starts; “%1” is not kept.</source>
        <translation>Der Generator entscheidet, wie ein Tunnel startet; „%1“ wird nicht behalten.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Not a network the profile can hold (ranges, protocols, ports, a changing address): %1.</source>
        <translation>Kein Netz, das das Profil aufnehmen kann (Bereiche, Protokolle, Ports, eine wechselnde Adresse): %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A setting outside of any secret.</source>
        <translation>Eine Einstellung außerhalb jedes Geheimnisses.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only pre-shared IKE keys (ike…) are in the profile.</source>
        <translation>Im Profil gibt es nur Pre-Shared Keys für IKE (ike…).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A secret without a key.</source>
        <translation>Ein Geheimnis ohne Schlüssel.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::TopologyScene</name>
    <message>
        <location filename="../widgets/TopologyScene.cpp" line="+243"/>
        <source>up</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partly up</source>
        <translation>teilweise aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>down</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>state unknown</source>
        <translation>Zustand unbekannt</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>+%1 more</source>
        <translation>+%1 weitere</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, NAT %2</source>
        <translation>%1, NAT %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, dynamic</source>
        <translation>%1, dynamisch</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Tunnel %1: %2 ⇄ %3</source>
        <translation>Tunnel %1: %2 ⇄ %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Site %1</source>
        <translation>Standort %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>internal</source>
        <translation>intern</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>public</source>
        <translation>öffentlich</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+117"/>
        <source>NAT</source>
        <translation>NAT</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>changes (dynamic)</source>
        <translation>wechselt (dynamisch)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>router</source>
        <translation>Router</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Network A</source>
        <translation>Netz A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Network B</source>
        <translation>Netz B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gateway A</source>
        <translation>Gateway A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gateway B</source>
        <translation>Gateway B</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <location line="+202"/>
        <source>IPsec network %1</source>
        <translation>IPsec-Netz %1</translation>
    </message>
    <message>
        <location line="-350"/>
        <location line="+156"/>
        <location line="+1"/>
        <source>managed elsewhere</source>
        <translation>fremd verwaltet</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Internet</source>
        <translation>Internet</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>IPsec tunnel (%1, ESP %2)</source>
        <translation>IPsec-Tunnel (%1, ESP %2)</translation>
    </message>
    <message>
        <location line="-265"/>
        <location line="+270"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>IPsec tunnel %1</source>
        <translation>IPsec-Tunnel %1</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::TopologyView</name>
    <message>
        <location filename="../widgets/TopologyView.cpp" line="+24"/>
        <source>Topology drawing</source>
        <translation>Topologie-Zeichnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The tunnel as it will be built. Right-click to save the drawing as SVG or PNG.</source>
        <translation>Der Tunnel, wie er gebaut wird. Mit Rechtsklick speichern Sie die Zeichnung als SVG oder PNG.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>IPsec tunnel %1</source>
        <translation>IPsec-Tunnel %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The drawing could not be encoded as PNG.</source>
        <translation>Die Zeichnung ließ sich nicht als PNG kodieren.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save drawing</source>
        <translation>Zeichnung speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG drawing (*.svg);;PNG image (*.png)</source>
        <translation>SVG-Zeichnung (*.svg);;PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot save the drawing</source>
        <translation>Die Zeichnung lässt sich nicht speichern</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&amp;Fit to window</source>
        <translation>An Fenster &amp;anpassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save drawing as SVG or PNG…</source>
        <translation>Zeichnung als SVG oder PNG &amp;speichern …</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::TunnelWizard</name>
    <message>
        <location filename="../widgets/TunnelWizard.cpp" line="+27"/>
        <source>New IPsec tunnel</source>
        <translation>Neuer IPsec-Tunnel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Finish</source>
        <translation>&amp;Fertig</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Edit IPsec tunnel</source>
        <translation>IPsec-Tunnel bearbeiten</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+9"/>
        <source>Edit IPsec network</source>
        <translation>IPsec-Netz bearbeiten</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::WelcomePage</name>
    <message>
        <location filename="../widgets/WelcomePage.cpp" line="+40"/>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Describe your sites once, two or many, and IPsec Wizard writes matching configuration for every gateway, with fresh pre-shared keys, routes and firewall rules.</source>
        <translation>Beschreiben Sie Ihre Standorte einmal, zwei oder viele, und IPsec Wizard schreibt passende Konfiguration für jedes Gateway, mit frischen Pre-Shared Keys, Routen und Firewall-Regeln.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How do you want to start?</source>
        <translation>Wie möchten Sie beginnen?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start a ne&amp;w tunnel</source>
        <translation>&amp;Neuen Tunnel beginnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New tunnel</source>
        <translation>Neuer Tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Empty sites and modern defaults: strongSwan on both gateways, IKEv2, AES-256-GCM, Curve25519.</source>
        <translation>Leere Standorte und moderne Vorgaben: strongSwan auf beiden Gateways, IKEv2, AES-256-GCM, Curve25519.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a new network of a &amp;hub and its branches</source>
        <translation>Neues Netz aus Zentrale und &amp;Außenstellen beginnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New hub-and-spoke network</source>
        <translation>Neues Netz aus Zentrale und Außenstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A head office (the hub) and its branches: each branch gets a tunnel to the hub.</source>
        <translation>Eine Zentrale und ihre Außenstellen: Jede Außenstelle bekommt einen Tunnel zur Zentrale.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A table of sites, one row per branch (paste many from a spreadsheet); every branch gets a tunnel to the hub.</source>
        <translation>Eine Tabelle der Standorte, eine Zeile je Außenstelle (viele auf einmal aus einer Tabellenkalkulation einfügen); jede Außenstelle bekommt einen Tunnel zur Zentrale.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new full &amp;mesh</source>
        <translation>Neues &amp;vollvermaschtes Netz beginnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New full mesh</source>
        <translation>Neues vollvermaschtes Netz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sites that all talk to each other: a tunnel between every two of them.</source>
        <translation>Standorte, die alle miteinander sprechen: ein Tunnel zwischen je zweien.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A tunnel between every two sites.</source>
        <translation>Ein Tunnel zwischen je zwei Standorten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a &amp;profile to change it or add sites or tunnels:</source>
        <translation>Ein &amp;Profil öffnen, um es zu ändern oder Standorte oder Tunnel hinzuzufügen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start from a profile file</source>
        <translation>Mit einer Profildatei beginnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An IPsec Wizard profile (.json) saved earlier or written by hand.</source>
        <translation>Ein IPsec-Wizard-Profil (.json), früher gespeichert oder von Hand geschrieben.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Profile file</source>
        <translation>Profildatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>path to a profile, e.g. ~/tunnels/office.json</source>
        <translation>Pfad zu einem Profil, z. B. ~/tunnel/zentrale.json</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The profile to start from; nothing is changed in it until you save.</source>
        <translation>Das Profil, mit dem Sie beginnen; darin wird nichts geändert, bis Sie speichern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>B&amp;rowse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse for a profile file</source>
        <translation>Nach einer Profildatei suchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a profile file.</source>
        <translation>Eine Profildatei wählen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Start from an existing &amp;gateway&apos;s configuration:</source>
        <translation>Mit der Konfiguration eines vorhandenen &amp;Gateways beginnen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start from an existing gateway</source>
        <translation>Mit einem vorhandenen Gateway beginnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its swanctl, ipsec.conf, racoon-tool or racoon configuration, read into a profile: from a copy of its /etc, or from the gateway itself over SSH (read only).</source>
        <translation>Seine swanctl-, ipsec.conf-, racoon-tool- oder racoon-Konfiguration, in ein Profil gelesen: aus einer Kopie seines /etc oder vom Gateway selbst über SSH (nur lesend).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Gateway or configuration folder</source>
        <translation>Gateway oder Konfigurationsordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>root@gateway.example.net, or a copy of its /etc, e.g. ~/gateways/moon/etc</source>
        <translation>root@gateway.example.net oder eine Kopie seines /etc, z. B. ~/gateways/moon/etc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>USER@HOST[:PORT] reads the gateway over SSH and changes nothing there; a folder or file reads a copy.</source>
        <translation>BENUTZER@HOST[:PORT] liest das Gateway über SSH und ändert dort nichts; ein Ordner oder eine Datei liest eine Kopie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fol&amp;der…</source>
        <translation>O&amp;rdner …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse for a configuration folder</source>
        <translation>Einen Konfigurationsordner wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a copy of the gateway&apos;s /etc, /etc/swanctl or /etc/racoon.</source>
        <translation>Wählen Sie eine Kopie von /etc, /etc/swanctl oder /etc/racoon des Gateways.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Start from the &amp;example</source>
        <translation>Mit dem &amp;Beispiel beginnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start from the example</source>
        <translation>Mit dem Beispiel beginnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The topology of the 2004 how-to this program grew from.</source>
        <translation>Die Topologie aus der Anleitung von 2004, aus der dieses Programm entstanden ist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The how-to&apos;s topology: 192.168.1.0/24 behind 203.0.113.1 and 192.168.2.0/24 behind 203.0.113.2, racoon-tool on both gateways.</source>
        <translation>Die Topologie der Anleitung: 192.168.1.0/24 hinter 203.0.113.1 und 192.168.2.0/24 hinter 203.0.113.2, racoon-tool auf beiden Gateways.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start from the &amp;lab profile</source>
        <translation>Mit dem &amp;Laborprofil beginnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start from the lab profile</source>
        <translation>Mit dem Laborprofil beginnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The two gateways of the local test lab (ipsec-wizard lab up).</source>
        <translation>Die beiden Gateways des lokalen Testlabors (ipsec-wizard lab up).</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The lab&apos;s two gateways, from %1.</source>
        <translation>Die beiden Gateways des Labors, aus %1.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open in the wizard</source>
        <translation>Im Assistenten öffnen</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>A copy of the gateway&apos;s configuration</source>
        <translation>Eine Kopie der Konfiguration des Gateways</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open profile</source>
        <translation>Profil öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IPsec Wizard profiles (*.json);;All files (*)</source>
        <translation>IPsec-Wizard-Profile (*.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::json</name>
    <message>
        <location filename="../model/profile/NetworkProfile.cpp" line="+51"/>
        <source>a gateway behind NAT has a fixed public address; give publicAddress or dynamic, not both</source>
        <translation>ein Gateway hinter NAT hat eine feste öffentliche Adresse; publicAddress oder dynamic angeben, nicht beides</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>expected one of racoon-tool, racoon, strongswan, found “%1”</source>
        <translation>erwartet racoon-tool, racoon oder strongswan, gefunden „%1“</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>expected one of address, fqdn, user-fqdn, key-id, found “%1”</source>
        <translation>erwartet address, fqdn, user-fqdn oder key-id, gefunden „%1“</translation>
    </message>
    <message>
        <location filename="../model/profile/JsonReader.h" line="+49"/>
        <source>The file is empty; expected an IPsec Wizard profile (JSON).</source>
        <translation>Die Datei ist leer; erwartet wurde ein IPsec-Wizard-Profil (JSON).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file is %1 bytes; a profile is at most %2 bytes. Is this the right file?</source>
        <translation>Die Datei ist %1 Byte groß; ein Profil hat höchstens %2 Byte. Ist das die richtige Datei?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not valid JSON at byte %1: %2.</source>
        <translation>Kein gültiges JSON bei Byte %1: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected a JSON object at the top level.</source>
        <translation>Auf oberster Ebene wurde ein JSON-Objekt erwartet.</translation>
    </message>
    <message>
        <location filename="../model/profile/NetworkProfile.cpp" line="+11"/>
        <source>expected one of racoon-tool, racoon, swanctl, ipsec.conf, found “%1”</source>
        <translation>erwartet racoon-tool, racoon, swanctl oder ipsec.conf, gefunden „%1“</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>This profile was written by a newer IPsec Wizard (format version %1); this one reads version %2. Update IPsec Wizard to open it.</source>
        <translation>Dieses Profil stammt von einem neueren IPsec Wizard (Formatversion %1); dieser liest Version %2. Aktualisieren Sie IPsec Wizard, um es zu öffnen.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>expected one of pair, hub-and-spoke, mesh, found “%1”</source>
        <translation>erwartet pair, hub-and-spoke oder mesh, gefunden „%1“</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>expected the names of two sites, found %1</source>
        <translation>erwartet die Namen von zwei Standorten, gefunden %1</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Cannot open the profile: %1.</source>
        <translation>Das Profil lässt sich nicht öffnen: %1.</translation>
    </message>
</context>
<context>
    <name>ipsecwiz::json::Reader</name>
    <message>
        <location filename="../model/profile/JsonReader.h" line="+21"/>
        <source>is missing; expected a string</source>
        <translation>fehlt; erwartet eine Zeichenkette</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+54"/>
        <source>expected a string, found %1</source>
        <translation>erwartet eine Zeichenkette, gefunden %1</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>expected a whole number from %1 to %2, found %3</source>
        <translation>erwartet eine ganze Zahl von %1 bis %2, gefunden %3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>expected true or false, found %1</source>
        <translation>erwartet true oder false, gefunden %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>is missing; expected a list of strings</source>
        <translation>fehlt; erwartet eine Liste von Zeichenketten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected a list of strings, found %1</source>
        <translation>erwartet eine Liste von Zeichenketten, gefunden %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>is missing; expected an object</source>
        <translation>fehlt; erwartet ein Objekt</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+23"/>
        <source>expected an object, found %1</source>
        <translation>erwartet ein Objekt, gefunden %1</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>is missing; expected a list of objects</source>
        <translation>fehlt; erwartet eine Liste von Objekten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected a list of objects, found %1</source>
        <translation>erwartet eine Liste von Objekten, gefunden %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>is not a known setting</source>
        <translation>ist keine bekannte Einstellung</translation>
    </message>
</context>
</TS>
