#pragma once

// JSON written straight into UTF-8 text, byte for byte as QJsonDocument::toJson() lays it out
// (Indented: four spaces a level, `"key": value`, an empty container still opened on its own
// line; Compact: no white space). Building a QJsonObject tree of a 10,000-SA snapshot first took
// most of `parse --json`'s time and half its memory; this writes the same text without the tree.
//
// QJsonObject sorts its keys; the writer keeps them in the order it is given them, so a caller
// that must match QJsonDocument's output writes them sorted (debug builds check that).

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

class QIODevice;

namespace ipsecwiz {

class JsonWriter
{
public:
    enum Layout { Indented, Compact }; // as QJsonDocument::JsonFormat

    explicit JsonWriter(Layout layout = Indented);
    // Text is handed to the device whenever a buffer's worth has been written, and the rest by
    // flush(), so a large document is never held whole.
    explicit JsonWriter(QIODevice* device, Layout layout = Indented);
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;
    ~JsonWriter();

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();

    // The next value's key; keys are ASCII names the program chose, never input.
    JsonWriter& key(QLatin1StringView name);

    void string(QStringView text);
    void number(quint64 value); // as QJsonValue(double(value)) prints it
    void number(double value);
    void boolean(bool value);
    void value(const QJsonValue& value); // a part still made as QJson* objects
    void strings(const QStringList& list); // an array of strings

    // The text written so far (everything when there is no device); it is taken, not copied.
    [[nodiscard]] QByteArray takeText();
    // Hands what is left to the device; false if the device refused it.
    bool flush();

    // `text` as a JSON string's contents: QJsonDocument's escaping (\" \\ \b \f \n \r \t,
    // \u00XX for other control characters, \uXXXX for a lone surrogate, UTF-8 for the rest).
    static void appendEscaped(QByteArray& out, QStringView text);

private:
    void beforeValue();
    void beginMember(); // the comma and the indentation before an element or a key
    void beginContainer(char open);
    void endContainer(char close);
    void drainIfFull();
    // Room for n more bytes; the caller writes them and moves m_used. QByteArray::append() goes
    // through insert() each time, which cost more than the layout itself.
    char* room(qsizetype n)
    {
        if (m_used + n > m_text.size())
            grow(n);
        return m_text.data() + m_used;
    }
    void grow(qsizetype n);
    void put(char c)
    {
        *room(1) = c;
        ++m_used;
    }
    void put(const char* text, qsizetype n);

    struct Level
    {
        qsizetype count = 0;
        bool isObject = false;
#ifndef QT_NO_DEBUG
        QByteArray lastKey;
#endif
    };

    QByteArray m_text; // its size is the room there is; m_used bytes of it are written
    qsizetype m_used = 0;
    QIODevice* m_device = nullptr;
    Layout m_layout;
    QList<Level> m_levels;
    bool m_afterKey = false;
    bool m_deviceFailed = false;
};

} // namespace ipsecwiz
