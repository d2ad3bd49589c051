#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class RequestLog;
class RequestLogFilter;
class RequestLogModel;
struct RequestLogEntry;

// The Request log panel as a tool: every request the clients sent (newest last, followed unless
// the user scrolled up), filtered by text, tenant and outcome; a details pane for the selected
// request (headers, bodies, timing, retries: all as the log holds them, redacted); Copy as curl
// (secrets as RequestDetails::SecretPlaceholder); Clear; and "New request…", which asks whoever
// owns the panel (composeRequested) to open a composer for the current tenant.
class RequestInspector : public QWidget
{
    Q_OBJECT
public:
    // log: not owned, may be null (an empty panel).
    explicit RequestInspector(RequestLog *log, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    RequestLogModel *logModel() const { return m_model; }
    RequestLogFilter *filter() const { return m_filter; }
    QLineEdit *filterField() const { return m_filterText; }
    QAction *copyCurlAction() const { return m_copyCurl; }
    QAction *composeAction() const { return m_compose; }
    // The entry of the view's current row, or nullptr.
    const RequestLogEntry *currentEntry() const;
    // What the details pane shows.
    QString detailsText() const;

Q_SIGNALS:
    void composeRequested();

private:
    void buildView();
    void showDetails();
    void addTenants(int first, int last);
    void resetTenants();
    void followNewestRequest();

    RequestLog *m_log;
    RequestLogModel *m_model;
    RequestLogFilter *m_filter;
    QLineEdit *m_filterText;
    QComboBox *m_tenant;
    QComboBox *m_outcome;
    QTableView *m_view;
    QPlainTextEdit *m_details;
    QAction *m_copyCurl;
    QAction *m_compose;
    bool m_scrollPending = false;
    bool m_followLog = true;
};
