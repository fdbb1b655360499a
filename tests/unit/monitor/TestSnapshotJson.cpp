// `parse --json` writes the snapshot with JsonWriter instead of building a QJsonDocument; the
// text must stay byte for byte what QJsonDocument(SnapshotJson::toJson(…)).toJson() printed,
// escaping included, and key material must stay masked unless asked for.

#include "JsonWriter.h"
#include "ParserTestSupport.h"
#include "SnapshotJson.h"
#include "SnapshotParser.h"
#include "TestConfig.h"
#include "TunnelCorrelation.h"

#include <QBuffer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <limits>

using namespace ipsecwiz;

namespace {

QByteArray viaWriter(const Snapshot& s, bool reveal, JsonWriter::Layout layout, const QJsonObject& extra = {})
{
    JsonWriter w(layout);
    SnapshotJson::write(w, s, reveal, extra);
    return w.takeText();
}

QByteArray viaDocument(const QJsonObject& o, JsonWriter::Layout layout)
{
    return QJsonDocument(o).toJson(layout == JsonWriter::Indented ? QJsonDocument::Indented : QJsonDocument::Compact);
}

QByteArray escaped(QStringView text)
{
    QByteArray out;
    JsonWriter::appendEscaped(out, text);
    return out;
}

// What QJsonDocument makes of a one-string array, the brackets and quotes taken off.
QByteArray escapedByQt(const QString& text)
{
    const QByteArray doc = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return doc.mid(2, doc.size() - 4);
}

// Every field the JSON carries, with text no parser would produce: quotes, backslashes, control
// characters, non-ASCII, a character outside the BMP and a lone surrogate.
Snapshot hostileSnapshot()
{
    const QString nasty = QStringLiteral("a\"b\\c/d\b\f\n\r\t\x01\x1f\x7f é ü €") + QChar(0xd83d) + QChar(0xde00) + QChar(0xd800)
        + QStringLiteral("z") + QChar(0xdc00);
    Snapshot s;
    s.format = SnapshotFormat::Swanctl;
    SecurityAssociation sa;
    sa.src = nasty;
    sa.dst = QStringLiteral("2001:db8::1");
    sa.srcPort = 4500;
    sa.dstPort = 65535;
    sa.protoText = nasty;
    sa.mode = QStringLiteral("tunnel");
    sa.spi = 0xffffffffu;
    sa.hasSpi = true;
    sa.reqid = 0;
    sa.stateText = nasty;
    sa.encAlg = QStringLiteral("aes-gcm-16");
    sa.encKey.hex = "00112233445566778899aabbccddeeff0011";
    sa.authAlg = nasty;
    sa.authKey.hex = "deadbeef";
    sa.bytes = std::numeric_limits<quint64>::max();
    sa.packets = (quint64(1) << 53) + 1;
    sa.seq = 9000000000000000ull;
    sa.replay = std::numeric_limits<quint32>::max();
    sa.pid = 1000000;
    s.sas << sa;
    SecurityAssociation bare; // no SPI, no optional field, enums only
    bare.proto = SaProtocol::EspUdp;
    bare.state = SaState::Dying;
    s.sas << bare;
    SecurityPolicy sp;
    sp.src = nasty;
    sp.upperProto = QStringLiteral("any");
    sp.dir = PolicyDirection::Fwd;
    sp.action = PolicyAction::Ipsec;
    sp.templates << PolicyTemplate{QStringLiteral("esp"), QStringLiteral("tunnel"), nasty, QStringLiteral("b"), QStringLiteral("require"), 7, {}}
                 << PolicyTemplate{QStringLiteral("ah"), QStringLiteral("transport"), {}, {}, QStringLiteral("use"), {}, {}};
    sp.spid = 12;
    s.policies << sp << SecurityPolicy{};
    IkeSa ike;
    ike.name = nasty;
    ike.uniqueId = 3;
    ike.version = 2;
    ChildSa child;
    child.name = nasty;
    child.udpEncap = true;
    child.spiIn = 0x1234u;
    child.spiOut = 0u;
    child.bytesIn = 1;
    child.packetsOut = 0;
    child.rekeySeconds = 3318;
    child.expireSeconds = 3957;
    child.localTs << QStringLiteral("10.1.0.0/24") << nasty;
    ike.children << child << ChildSa{};
    s.ikeSas << ike << IkeSa{};
    s.unknownLines << nasty << QString();
    s.warnings << QStringLiteral("Ein Wort über „Anführungszeichen“");
    s.truncated = true;
    return s;
}

} // namespace

class TestSnapshotJson final : public QObject
{
    Q_OBJECT

private slots:
    void everyFixtureAsBefore_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(IPSECWIZ_FIXTURES_DIR "/monitor"));
        for (const QString& name : dir.entryList(QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }

    void everyFixtureAsBefore()
    {
        QFETCH(QString, path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const Snapshot s = SnapshotParser::parse(f.readAll());
        for (bool reveal : {false, true}) {
            for (auto layout : {JsonWriter::Indented, JsonWriter::Compact})
                QCOMPARE(viaWriter(s, reveal, layout), viaDocument(SnapshotJson::toJson(s, reveal), layout));
        }
    }

    void hostileTextAsBefore()
    {
        const Snapshot s = hostileSnapshot();
        for (bool reveal : {false, true}) {
            for (auto layout : {JsonWriter::Indented, JsonWriter::Compact})
                QCOMPARE(viaWriter(s, reveal, layout), viaDocument(SnapshotJson::toJson(s, reveal), layout));
        }
        QCOMPARE(viaWriter(Snapshot{}, false, JsonWriter::Indented), viaDocument(SnapshotJson::toJson(Snapshot{}), JsonWriter::Indented));
    }

    // monitor --json: one object a poll, as the CLI composed it with QJsonObject before.
    void pollAsBefore()
    {
        const Snapshot a = SnapshotParser::parse(test::fixture("lab-gateway-a-swanctl-list-sas.txt"));
        const Snapshot b = SnapshotParser::parse(test::fixture("lab-gateway-b-swanctl-list-sas.txt"));
        const Snapshot x = SnapshotParser::parse(test::fixture("lab-gateway-a-ip-s-xfrm-state.txt"));
        const Snapshot hostile = hostileSnapshot();
        const QString time = QStringLiteral("2026-12-04T10:00:00.123Z");
        const std::array<QJsonObject, 2> extras{
            QJsonObject{{QStringLiteral("source"), QStringLiteral("swanctl")}, {QStringLiteral("roundTripMs"), 14.0}, {QStringLiteral("outputTruncated"), false}},
            QJsonObject{{QStringLiteral("source"), QStringLiteral("xfrm")}, {QStringLiteral("roundTripMs"), 1250.0}, {QStringLiteral("outputTruncated"), true}}};
        struct Case
        {
            const Snapshot* a;
            const Snapshot* b;
        };
        for (const Case& k : {Case{&a, &b}, Case{&x, &x}, Case{&hostile, &a}, Case{&a, nullptr}, Case{nullptr, &x}}) {
            std::optional<Correlation> c;
            if (k.a && k.b) {
                // A second poll against the first, so the counters' findings are there too.
                const Correlation first = correlate(*k.a, *k.b, QStringLiteral("198.51.100.1"), QStringLiteral("198.51.100.2"));
                c = correlate(*k.a, *k.b, QStringLiteral("198.51.100.1"), QStringLiteral("198.51.100.2"), &first);
                if (k.a == &a)
                    QVERIFY(!c->pairs.isEmpty());
            }
            QJsonObject expected;
            expected.insert(QStringLiteral("time"), time);
            const Snapshot* sides[2] = {k.a, k.b};
            for (int i = 0; i < 2; ++i) {
                if (!sides[i])
                    continue;
                QJsonObject g = SnapshotJson::toJson(*sides[i]);
                for (auto it = extras[i].begin(); it != extras[i].end(); ++it)
                    g.insert(it.key(), it.value());
                expected.insert(i == 0 ? QStringLiteral("gatewayA") : QStringLiteral("gatewayB"), g);
            }
            if (c)
                expected.insert(QStringLiteral("correlation"), toJson(*c));
            for (auto layout : {JsonWriter::Indented, JsonWriter::Compact}) {
                JsonWriter w(layout);
                SnapshotJson::writePoll(w, time, {k.a, k.b}, extras, c ? &*c : nullptr);
                QCOMPARE(w.takeText(), viaDocument(expected, layout));
            }
        }
    }

    void correlationAsBefore()
    {
        Correlation c;
        c.state = TunnelState::Partial;
        FlowSa f{QStringLiteral("192.0.2.1"), QStringLiteral("192.0.2.2"), QStringLiteral("esp"), 0xc0000001u, 18446744073709551615ull, 3, true};
        FlowSa g{QStringLiteral("192.0.2.2"), QStringLiteral("192.0.2.1"), QStringLiteral("ah"), 0, {}, {}, false};
        c.pairs << SaPair{f, f, true} << SaPair{g, f, false};
        c.onlyOnA << g;
        c.onlyOnB << f << g;
        c.findings << QStringLiteral("half-up: „x“ \"y\"");
        c.bytesAToB = 0;
        c.bytesBToA = 1ull << 60;
        for (const Correlation& one : {c, Correlation{}}) {
            for (auto layout : {JsonWriter::Indented, JsonWriter::Compact}) {
                JsonWriter w(layout);
                write(w, one);
                QCOMPARE(w.takeText(), viaDocument(toJson(one), layout));
            }
        }
    }

    void keysStayMasked()
    {
        const Snapshot s = hostileSnapshot();
        const QByteArray masked = viaWriter(s, false, JsonWriter::Indented);
        QVERIFY(!masked.contains("00112233445566778899aabbccddeeff0011"));
        QVERIFY(!masked.contains("deadbeef"));
        QVERIFY(masked.contains("\"encKey\": \"" + s.sas[0].encKey.masked().toUtf8() + '"'));
        const QByteArray revealed = viaWriter(s, true, JsonWriter::Indented);
        QVERIFY(revealed.contains("\"encKey\": \"00112233445566778899aabbccddeeff0011\""));
        QVERIFY(revealed.contains("\"authKey\": \"deadbeef\""));
    }

    // monitor --json adds members to each gateway's object; they land where QJsonObject puts them.
    void extraMembersMergedInOrder()
    {
        const Snapshot s = hostileSnapshot();
        QJsonObject extra{{QStringLiteral("source"), QStringLiteral("setkey")},
                          {QStringLiteral("roundTripMs"), 13.0},
                          {QStringLiteral("outputTruncated"), false},
                          {QStringLiteral("aFirst"), QJsonArray{1, QStringLiteral("x"), QJsonObject{{QStringLiteral("k"), QJsonValue()}}}},
                          {QStringLiteral("zLast"), QJsonObject{}}};
        QJsonObject expected = SnapshotJson::toJson(s);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            expected.insert(it.key(), it.value());
        for (auto layout : {JsonWriter::Indented, JsonWriter::Compact})
            QCOMPARE(viaWriter(s, false, layout, extra), viaDocument(expected, layout));
        // A member of the same name replaces the snapshot's, as QJsonObject::insert does.
        extra.insert(QStringLiteral("truncated"), QStringLiteral("replaced"));
        expected.insert(QStringLiteral("truncated"), QStringLiteral("replaced"));
        QCOMPARE(viaWriter(s, false, JsonWriter::Indented, extra), viaDocument(expected, JsonWriter::Indented));
    }

    void escaping()
    {
        QCOMPARE(escaped(u"plain 1.2.3.4"), QByteArray("plain 1.2.3.4"));
        QCOMPARE(escaped(u"\"q\" \\b/"), QByteArray("\\\"q\\\" \\\\b/"));
        QCOMPARE(escaped(u"\b\f\n\r\t"), QByteArray("\\b\\f\\n\\r\\t"));
        QCOMPARE(escaped(u"\x01\x1f\x7f"), QByteArray("\\u0001\\u001f\x7f"));
        QCOMPARE(escaped(u"é€"), QByteArray("\xc3\xa9\xe2\x82\xac"));
        QCOMPARE(escaped(u"\U0001F600"), QByteArray("\xf0\x9f\x98\x80"));
        // A lone surrogate is not UTF-16; QJsonDocument writes it as an escape, and so do we.
        QCOMPARE(escaped(QString(QChar(0xd800)) + QLatin1Char('x')), QByteArray("\\ud800x"));
        QCOMPARE(escaped(QString(QChar(0xdc00))), QByteArray("\\udc00"));
    }

    // Every UTF-16 code unit alone, and each high surrogate before each kind of neighbour, as
    // QJsonDocument escapes it.
    void escapingAsQJsonDocument()
    {
        QString all;
        for (uint u = 0; u <= 0xffff; ++u)
            all += QChar(char16_t(u));
        QCOMPARE(escaped(all), escapedByQt(all));
        for (uint u = 0; u <= 0xffff; u += 0x3f) {
            const QString one{QChar(char16_t(u))};
            QCOMPARE(escaped(one), escapedByQt(one));
            for (char16_t next : {u'a', char16_t(0xdc01), char16_t(0xd801), char16_t(0xe9)}) {
                const QString two = QString(QChar(0xd83d)) + one + QChar(next);
                QCOMPARE(escaped(two), escapedByQt(two));
            }
        }
    }

    void numbersAsQJsonValue_data()
    {
        QTest::addColumn<double>("value");
        for (double v : {0.0, 1.0, 100.0, 3e5, 1e6, 4294967295.0, 1e15, 9e15, 9.1e15, 9007199254740991.0, 9007199254740992.0,
                         9007199254740994.0, 1e16, 12345678901234567.0, 18446744073709551615.0, 1e20, -5.0, -0.0, -1e16, 0.5, 13.25})
            QTest::newRow(qPrintable(QString::number(v, 'g', 17))) << v;
    }

    void numbersAsQJsonValue()
    {
        QFETCH(double, value);
        JsonWriter w(JsonWriter::Compact);
        w.beginArray();
        w.number(value);
        w.value(QJsonValue(value));
        w.endArray();
        QCOMPARE(w.takeText(), QJsonDocument(QJsonArray{value, value}).toJson(QJsonDocument::Compact));
    }

    // Through a device the text is handed over in pieces; together they are the same text.
    void deviceGetsTheSameText()
    {
        Snapshot s;
        const Snapshot one = hostileSnapshot();
        for (int i = 0; i < 2000; ++i)
            s.sas << one.sas[i % 2];
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        {
            JsonWriter w(&buffer);
            SnapshotJson::write(w, s, false);
            QVERIFY(buffer.size() > 0); // drained before the end
            QVERIFY(w.flush());
            QVERIFY(w.takeText().isEmpty());
        }
        QCOMPARE(buffer.data(), viaDocument(SnapshotJson::toJson(s), JsonWriter::Indented));
    }

    void emptyAndNestedContainers()
    {
        for (auto layout : {JsonWriter::Indented, JsonWriter::Compact}) {
            JsonWriter w(layout);
            w.beginArray();
            w.beginArray();
            w.endArray();
            w.beginObject();
            w.endObject();
            w.beginObject();
            w.key(QLatin1StringView("a")).strings({});
            w.key(QLatin1StringView("b")).boolean(true);
            w.endObject();
            w.endArray();
            const QJsonArray expected{QJsonArray{}, QJsonObject{}, QJsonObject{{QStringLiteral("a"), QJsonArray{}}, {QStringLiteral("b"), true}}};
            QCOMPARE(w.takeText(), QJsonDocument(expected).toJson(layout == JsonWriter::Indented ? QJsonDocument::Indented : QJsonDocument::Compact));
        }
    }
};

QTEST_GUILESS_MAIN(TestSnapshotJson)
#include "TestSnapshotJson.moc"
