#pragma once

// What the GUI tests share: acting like a user on the wizard (typing into fields, choosing in
// combo boxes, pressing Next), settings kept away from the user's own, and running the real CLI.

#include "TestSupport.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QWizard>

namespace ipsecwiz::test {

// QSettings of the tests go into a folder of their own, never the user's configuration.
inline void isolateSettings(const QString& dir)
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
    QSettings().clear();
}

// Replaces a field's text the way a user does: select all, type the new text key by key.
inline void typeInto(QLineEdit* edit, const QString& text)
{
    QVERIFY2(edit, "no such field");
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

inline void typeInto(QSpinBox* spin, int value)
{
    QVERIFY2(spin, "no such spin box");
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(value));
    QCOMPARE(spin->value(), value);
}

// Chooses the entry with this data, as picking it from the open list does (currentIndexChanged).
inline void choose(QComboBox* box, const QVariant& data)
{
    QVERIFY2(box, "no such combo box");
    const int index = box->findData(data);
    QVERIFY2(index >= 0, qPrintable(QStringLiteral("%1 has no entry %2").arg(box->objectName(), data.toString())));
    box->setCurrentIndex(index);
}

inline QAbstractButton* nextButton(QWizard* wizard)
{
    return wizard->button(QWizard::NextButton);
}

// Clicks Next and checks that the wizard went to `expected`.
inline void clickNext(QWizard* wizard, int expected)
{
    QAbstractButton* next = nextButton(wizard);
    QVERIFY2(next->isEnabled(), qPrintable(QStringLiteral("Next is disabled on page %1").arg(wizard->currentId())));
    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_COMPARE(wizard->currentId(), expected);
}

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline CliRun runCli(const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(IPSECWIZ_BINARY), args);
    CliRun r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(60000)) {
        r.err = "cannot run " IPSECWIZ_BINARY ": " + p.errorString().toUtf8();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// Every file below `dir`, by its path relative to it.
inline QStringList filesBelow(const QString& dir)
{
    QStringList out;
    QDir base(dir);
    std::function<void(const QString&)> walk = [&](const QString& path) {
        const QDir d(path);
        for (const QFileInfo& info : d.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name)) {
            if (info.isDir())
                walk(info.filePath());
            else
                out.append(base.relativeFilePath(info.filePath()));
        }
    };
    walk(dir);
    out.sort();
    return out;
}

} // namespace ipsecwiz::test
