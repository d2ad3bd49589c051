#include "requestcomposer.h"

#include "net/httpclient.h"
#include "net/redaction.h"
#include "requestdetails.h"
#include "tenants/sessionmanager.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
bool hasBody(const QByteArray &method)
{
    return method == "POST" || method == "PUT" || method == "PATCH";
}
} // namespace

RequestComposer::RequestComposer(SessionManager *sessions, const QString &tenantId, const QString &tenantName,
                                 QWidget *parent)
    : QDialog(parent)
    , m_sessions(sessions)
    , m_tenantId(tenantId)
    , m_method(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_body(new QPlainTextEdit(this))
    , m_send(new QPushButton(tr("&Send"), this))
    , m_status(new QLabel(this))
    , m_response(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("requestComposer"));
    setWindowTitle(tr("New Request — %1").arg(tenantName));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    m_method->setObjectName(QStringLiteral("composerMethod"));
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                        QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("HEAD")});
    m_path->setObjectName(QStringLiteral("composerPath"));
    m_path->setPlaceholderText(tr("A path below the tenant's address, e.g. /buckets"));
    m_body->setObjectName(QStringLiteral("composerBody"));
    m_body->setPlaceholderText(tr("JSON body (POST, PUT, PATCH)"));
    m_body->setFont(fixed);
    m_body->setTabChangesFocus(true);
    m_body->setMaximumHeight(140);
    m_send->setObjectName(QStringLiteral("composerSend"));
    m_send->setDefault(true);
    m_status->setObjectName(QStringLiteral("composerStatus"));
    m_status->setAccessibleName(tr("Status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_response->setObjectName(QStringLiteral("composerResponse"));
    m_response->setReadOnly(true);
    m_response->setFont(fixed);
    m_response->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_response->setTabChangesFocus(true);
    m_response->setAccessibleName(tr("Response"));

    const auto updateBody = [this] { m_body->setEnabled(hasBody(m_method->currentText().toLatin1())); };
    connect(m_method, &QComboBox::currentTextChanged, this, updateBody);
    updateBody();
    connect(m_send, &QPushButton::clicked, this, &RequestComposer::send);
    connect(m_path, &QLineEdit::returnPressed, this, &RequestComposer::send);

    auto *tenantLabel = new QLabel(tenantName, this);
    tenantLabel->setObjectName(QStringLiteral("composerTenant"));
    auto *form = new QFormLayout;
    form->addRow(tr("Tenant:"), tenantLabel);
    form->addRow(tr("&Method:"), m_method);
    form->addRow(tr("&Path:"), m_path);
    form->addRow(tr("&Body:"), m_body);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_send, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *responseLabel = new QLabel(tr("&Response (secrets redacted):"), this);
    responseLabel->setBuddy(m_response);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(responseLabel);
    layout->addWidget(m_response, 1);
    layout->addWidget(buttons);
    setTabOrder(m_method, m_path);
    setTabOrder(m_path, m_body);
    setTabOrder(m_body, m_response);
    setTabOrder(m_response, m_send);
    resize(640, 520);
    m_path->setFocus();
}

RequestComposer::~RequestComposer()
{
    if (m_job)
        m_job->cancel();
}

QString RequestComposer::statusText() const
{
    return m_status->text();
}

QString RequestComposer::responseText() const
{
    return m_response->toPlainText();
}

void RequestComposer::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setAccessibleDescription(error ? tr("Error") : QString());
}

void RequestComposer::send()
{
    if (m_job)
        return;
    HttpClient *client = m_sessions ? m_sessions->client(m_tenantId) : nullptr;
    if (!client) {
        setStatus(tr("The tenant is not connected: select it in the Tenants panel first."), true);
        return;
    }
    const QString path = m_path->text().trimmed();
    if (path.isEmpty()) {
        setStatus(tr("Enter a path, e.g. / or /buckets."), true);
        m_path->setFocus();
        return;
    }
    const QByteArray method = m_method->currentText().toLatin1();
    HttpRequest request(method, path.startsWith(QLatin1Char('/')) || path.contains(QStringLiteral("://"))
                                    ? path : QString(QLatin1Char('/') + path));
    const QByteArray body = m_body->toPlainText().trimmed().toUtf8();
    if (hasBody(method) && !body.isEmpty()) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(body, &error);
        if (document.isNull()) {
            setStatus(tr("The body is not valid JSON: %1 (at character %2).").arg(error.errorString()).arg(error.offset),
                      true);
            m_body->setFocus();
            return;
        }
        request.setJsonBody(document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()));
    }
    setStatus(tr("Sending…"), false);
    m_response->clear();
    m_send->setEnabled(false);
    m_job = client->send(request);
    connect(m_job, &Job::finished, this, [this](Job *job) { onFinished(static_cast<HttpJob *>(job)); });
}

void RequestComposer::onFinished(HttpJob *job)
{
    m_send->setEnabled(true);
    const HttpResponse &response = job->response();
    QString outcome;
    if (response.status > 0)
        outcome = tr("%1 %2").arg(QString::fromLatin1(job->currentMethod())).arg(response.status);
    if (job->hasError())
        outcome = outcome.isEmpty() ? job->error().toString() : QString(outcome + QStringLiteral(": ") + job->error().toString());
    setStatus(outcome, job->hasError());

    QString text = RequestDetails::headerText(Redaction::headers(response.headers));
    if (response.status > 0)
        text += QLatin1Char('\n') + RequestDetails::prettyBody(Redaction::body(response.header("Content-Type"), response.body));
    m_response->setPlainText(text);
    Q_EMIT finished(outcome);
}
