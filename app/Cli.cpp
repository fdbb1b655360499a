#include "Cli.h"

#include "ConfigBundle.h"
#include "FileWriter.h"
#include "Generator.h"
#include "Psk.h"
#include "TunnelProfile.h"
#include "Validation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>

namespace ipsecwiz::Cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::Cli", text);
}

const QStringList Commands{QStringLiteral("validate"), QStringLiteral("generate"), QStringLiteral("bundle"), QStringLiteral("psk")};

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream& err()
{
    static QTextStream s(stderr);
    return s;
}

QString helpText();

int usageError(const QString& message)
{
    if (message.isEmpty()) { // --help after a command
        out() << helpText() << Qt::flush;
        return Ok;
    }
    err() << "ipsec-wizard: " << message << "\n" << tr("Try 'ipsec-wizard --help'.") << Qt::endl;
    return Usage;
}

int inputError(const Error& e)
{
    err() << "ipsec-wizard: error: " << e.toString() << Qt::endl;
    return BadInput;
}

QString helpText()
{
    return tr("Usage: ipsec-wizard [PROFILE]            open the wizard (on PROFILE)\n"
              "       ipsec-wizard COMMAND [OPTIONS]\n"
              "\n"
              "Builds a site-to-site IPsec VPN between two gateways: matching configs for both,\n"
              "for racoon-tool, racoon + setkey or strongSwan, with a fresh pre-shared key.\n"
              "\n"
              "Commands:\n"
              "  validate PROFILE                       check a profile; every finding names its field\n"
              "  generate PROFILE --out DIR [--side a|b|both] [--psk-file FILE]\n"
              "                                         write the gateways' files under DIR/gateway-a, DIR/gateway-b\n"
              "  bundle PROFILE -o OUT [--redact] [--include-psk] [--psk-file FILE]\n"
              "                                         write a bundle: OUT.tar.gz, OUT.zip or a new folder\n"
              "  psk [--bytes N]                        print a random pre-shared key (default 32 bytes)\n"
              "\n"
              "Options:\n"
              "  -h, --help     this text\n"
              "  -v, --version  the version\n"
              "\n"
              "The pre-shared key comes from the profile, from --psk-file, or is made fresh for both sides.\n"
              "Exit status: 0 ok, 1 the input is wrong (the message names the field), 2 usage, 3 remote failure.\n");
}

// Parses "COMMAND ARGS…" with the given options; positional arguments are checked by the caller.
bool parse(QCommandLineParser& parser, const QStringList& args, QString* problem)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    if (!parser.parse(args)) {
        *problem = parser.errorText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        *problem = QString();
        return false;
    }
    return true;
}

Result<TunnelProfile> loadProfile(const QStringList& positional)
{
    if (positional.size() != 2)
        return Error{QStringLiteral("PROFILE"), tr("Give exactly one profile file.")};
    auto profile = ProfileJson::load(positional.at(1));
    if (!profile)
        return Error{profile.error().field, profile.error().message + tr(" (in %1)").arg(positional.at(1))};
    return profile;
}

// --psk-file, then the profile's key, then a fresh key (only when both sides come from this
// one run; *fresh says so, and the caller tells the admin once the files are written).
Result<QByteArray> pskFor(const TunnelProfile& profile, const QString& pskFile, bool bothSides, bool* fresh)
{
    *fresh = false;
    if (!pskFile.isEmpty()) {
        QFile f(pskFile);
        if (!f.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("--psk-file"), tr("Cannot read %1: %2.").arg(pskFile, f.errorString())};
        QByteArray key = f.readLine(4096).trimmed();
        if (key.isEmpty())
            return Error{QStringLiteral("--psk-file"), tr("%1 holds no key on its first line.").arg(pskFile)};
        return key;
    }
    if (profile.psk)
        return *profile.psk;
    if (!bothSides)
        return Error{QStringLiteral("psk"), tr("The profile holds no pre-shared key, and generating one side alone would give the two gateways "
                                               "different keys. Use --side both, --psk-file FILE, or save the profile with its key.")};
    *fresh = true;
    return Psk::generate();
}

void noteFreshKey()
{
    err() << tr("ipsec-wizard: note: a fresh pre-shared key was generated; it is in the generated files only.") << Qt::endl;
}

void printFindings(const QList<Finding>& findings)
{
    for (const Finding& f : findings)
        err() << f.toString() << "\n";
    err().flush();
}

int validateCommand(const QStringList& args)
{
    QCommandLineParser parser;
    QString problem;
    if (!parse(parser, args, &problem))
        return usageError(problem);
    if (parser.positionalArguments().size() != 2)
        return usageError(tr("validate needs one PROFILE."));
    auto profile = loadProfile(parser.positionalArguments());
    if (!profile)
        return inputError(profile.error());
    const QList<Finding> findings = validate(profile.value());
    printFindings(findings);
    if (hasErrors(findings))
        return BadInput;
    out() << QCoreApplication::translate("ipsecwiz::Cli", "%1: valid (%n warning(s))", nullptr, int(findings.size()))
                 .arg(parser.positionalArguments().at(1))
          << Qt::endl;
    return Ok;
}

int generateCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("side"), tr("a, b or both"), QStringLiteral("SIDE"), QStringLiteral("both")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("out")}, tr("output folder"), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("psk-file"), tr("file holding the pre-shared key"), QStringLiteral("FILE")});
    QString problem;
    if (!parse(parser, args, &problem))
        return usageError(problem);
    if (parser.positionalArguments().size() != 2)
        return usageError(tr("generate needs one PROFILE."));
    const QString side = parser.value(QStringLiteral("side"));
    if (side != QLatin1String("a") && side != QLatin1String("b") && side != QLatin1String("both"))
        return usageError(tr("--side must be a, b or both, not “%1”.").arg(side));
    const QString outDir = parser.value(QStringLiteral("out"));
    if (outDir.isEmpty())
        return usageError(tr("generate needs --out DIR."));

    auto profile = loadProfile(parser.positionalArguments());
    if (!profile)
        return inputError(profile.error());
    const QList<Finding> findings = validate(profile.value());
    printFindings(findings);
    if (hasErrors(findings))
        return BadInput;
    bool freshKey = false;
    auto psk = pskFor(profile.value(), parser.value(QStringLiteral("psk-file")), side == QLatin1String("both"), &freshKey);
    if (!psk)
        return inputError(psk.error());

    // Everything is generated before the first byte is written: on any error DIR stays as it was.
    QList<GatewayConfig> configs;
    for (Side s : {Side::A, Side::B}) {
        if (side != QLatin1String("both") && side != sideId(s))
            continue;
        auto cfg = Generate::side(profile.value(), s, psk.value());
        if (!cfg)
            return inputError(cfg.error());
        configs.append(cfg.value());
    }
    // Every target checked before anything is written, so a file standing where a folder must
    // go fails the run with the output folder unchanged.
    for (const GatewayConfig& cfg : configs) {
        const QString base = outDir + QStringLiteral("/gateway-") + sideId(cfg.side);
        for (const GeneratedFile& f : cfg.files) {
            const QString target = base + f.path;
            if (QFileInfo(target).isDir())
                return inputError(Error{QStringLiteral("--out"), tr("%1 is a folder; a file must go there.").arg(target)});
            for (QString dir = QFileInfo(target).path(); dir.size() >= outDir.size(); dir = QFileInfo(dir).path()) {
                const QFileInfo info(dir);
                if (info.exists() && !info.isDir())
                    return inputError(Error{QStringLiteral("--out"), tr("%1 is a file; a folder must go there.").arg(dir)});
                if (info.isDir() && !info.isWritable())
                    return inputError(Error{QStringLiteral("--out"), tr("%1 is not writable.").arg(dir)});
                if (info.exists())
                    break;
            }
        }
    }
    for (const GatewayConfig& cfg : configs) {
        const QString base = outDir + QStringLiteral("/gateway-") + sideId(cfg.side);
        for (const GeneratedFile& f : cfg.files) {
            const QString target = base + f.path;
            if (auto st = FileWriter::makeFolders(QFileInfo(target).absolutePath()); !st)
                return inputError(Error{QStringLiteral("--out"), st.error().toString()});
            if (auto st = FileWriter::writeAtomically(target, f.content, f.mode); !st)
                return inputError(Error{QStringLiteral("--out"), st.error().toString()});
            out() << QString::number(f.mode, 8).rightJustified(4, QLatin1Char('0')) << "  " << target << "\n";
        }
    }
    out().flush();
    if (freshKey)
        noteFreshKey();
    return Ok;
}

int bundleCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({{QStringLiteral("o"), QStringLiteral("out")}, tr("OUT.tar.gz, OUT.zip or a new folder"), QStringLiteral("OUT")});
    parser.addOption({QStringLiteral("redact"), tr("replace every secret by a marked placeholder (for support tickets)")});
    parser.addOption({QStringLiteral("include-psk"), tr("put the pre-shared key in profile.json too")});
    parser.addOption({QStringLiteral("psk-file"), tr("file holding the pre-shared key"), QStringLiteral("FILE")});
    QString problem;
    if (!parse(parser, args, &problem))
        return usageError(problem);
    if (parser.positionalArguments().size() != 2)
        return usageError(tr("bundle needs one PROFILE."));
    const QString outPath = parser.value(QStringLiteral("out"));
    if (outPath.isEmpty())
        return usageError(tr("bundle needs -o OUT."));

    auto profile = loadProfile(parser.positionalArguments());
    if (!profile)
        return inputError(profile.error());
    const QList<Finding> findings = validate(profile.value());
    printFindings(findings);
    if (hasErrors(findings))
        return BadInput;
    bool freshKey = false;
    auto psk = pskFor(profile.value(), parser.value(QStringLiteral("psk-file")), true, &freshKey);
    if (!psk)
        return inputError(psk.error());
    BundleOptions options;
    options.profilePsk = parser.isSet(QStringLiteral("include-psk")) ? PskInFile::Include : PskInFile::Omit;
    options.redact = parser.isSet(QStringLiteral("redact"));
    auto entries = ConfigBundle::build(profile.value(), psk.value(), options);
    if (!entries)
        return inputError(entries.error());
    if (auto st = ConfigBundle::write(entries.value(), outPath); !st)
        return inputError(Error{QStringLiteral("--out"), st.error().toString()});
    out() << tr("Wrote %1 (%2 files).").arg(outPath).arg(entries.value().size()) << Qt::endl;
    if (freshKey)
        noteFreshKey();
    return Ok;
}

int pskCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("bytes"), tr("key length in bytes"), QStringLiteral("N"), QString::number(Psk::DefaultBytes)});
    QString problem;
    if (!parse(parser, args, &problem))
        return usageError(problem);
    if (parser.positionalArguments().size() != 1)
        return usageError(tr("psk takes no arguments."));
    bool ok = false;
    const int bytes = parser.value(QStringLiteral("bytes")).toInt(&ok);
    if (!ok)
        return usageError(tr("--bytes needs a number."));
    auto key = Psk::generate(bytes);
    if (!key)
        return usageError(key.error().toString());
    // stdout is where the admin asked for it; nothing else (no log) sees it.
    out() << QString::fromLatin1(key.value()) << Qt::endl;
    Psk::wipe(key.value());
    return Ok;
}

} // namespace

bool wantsCli(const QStringList& args)
{
    if (args.size() < 2)
        return false;
    // The GUI takes one profile file; any other word is a command (or a usage error), so a
    // mistyped command never opens a window that waits forever.
    const QString& first = args.at(1);
    if (Commands.contains(first) || first.startsWith(QLatin1Char('-')))
        return true;
    return !(args.size() == 2 && (QFileInfo::exists(first) || first.endsWith(QLatin1String(".json"))));
}

int run(const QStringList& args)
{
    const QString& first = args.at(1);
    if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        out() << helpText() << Qt::flush;
        return Ok;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out() << "ipsec-wizard " << QStringLiteral(IPSECWIZ_VERSION) << Qt::endl;
        return Ok;
    }
    // Sub-parsers see the whole argv: program name, command, then its arguments.
    const QStringList& rest = args;
    if (first == QLatin1String("validate"))
        return validateCommand(rest);
    if (first == QLatin1String("generate"))
        return generateCommand(rest);
    if (first == QLatin1String("bundle"))
        return bundleCommand(rest);
    if (first == QLatin1String("psk"))
        return pskCommand(rest);
    return usageError(tr("unknown option or command “%1”.").arg(first));
}

} // namespace ipsecwiz::Cli
