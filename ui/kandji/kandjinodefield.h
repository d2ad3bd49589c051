#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QLineEdit;

// The assignment node of a map blueprint, typed by the user: Kandji assigns (and removes) a map's
// library items per node (`assignment_node_id`), and the API cannot list a map's nodes, so the id
// is copied from Kandji's web app. The line edit ("assignmentNode") takes a node id, a UUID; a
// wrong shape is named as it is typed ("nodeProblem"). check() is called before anything is sent:
// it also refuses an empty field, saying where the id is found. Classic blueprints have no nodes:
// callers show this field only when isMap().
class KandjiNodeField : public QWidget
{
    Q_OBJECT
public:
    explicit KandjiNodeField(QWidget *parent = nullptr);

    // True for a blueprint object whose "type" is "map".
    static bool isMap(const QJsonObject &blueprint);

    void setNode(const QString &id);
    // The node id entered, lower case; empty unless it is a UUID.
    QString node() const;
    // Empty when a node id is entered, else the message naming what is wrong.
    QString problem() const;
    // Shows problem() under the field (focusing it) and returns whether the node can be sent.
    bool check();

Q_SIGNALS:
    // A well-formed node id was entered (typed or set).
    void nodeChanged(const QString &node);

private:
    void update();

    QLineEdit *m_edit;
    QLabel *m_problem;
};
