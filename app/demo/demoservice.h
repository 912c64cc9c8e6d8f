#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

// The built-in demo service: a pretend video API that runs inside the app, on loopback only, so that a
// newcomer can try the whole product with no account. Nothing leaves the computer.
//
// It speaks the same dialect as the relays the app meets (see the field guide), with ids, model and
// media that say "demo" wherever they show:
// - GET    /v1/videos                  {"object":"list","data":[…]}: the samples and every remix, newest
//                                      first; honours limit (1–100, default 20), order=asc|desc and after.
// - POST   /v1/videos/{id}/remix       {"prompt":…} -> a new "video_demo_remix_<n>" (queued, progress 0).
//                                      Unknown source: 404; source not completed: 400; empty prompt or
//                                      more than 32000 characters: 400. All errors in the seed relay's
//                                      shape {"error":{"message","message_zh","type"}}.
// - GET    /v1/videos/{id}             the video object. A remix is queued for 1 s, then in_progress with
//                                      progress rising to 100 over 5 s, then completed (expires_at =
//                                      completed_at + 1 h). A prompt holding one of moderationTriggers()
//                                      fails after 2 s with error {code:"moderation_blocked",…} (HTTP 200).
// - GET    /v1/videos/{id}/content     ?variant=video (default): MP4 bytes; variant=thumbnail: JPEG bytes.
//                                      Honours "Range: bytes=N-" / "bytes=N-M" with 206 + Content-Range,
//                                      416 when unsatisfiable. A remix that is not completed: 404.
// - DELETE /v1/videos/{id}             {"id","object":"video.deleted","deleted":true} for remixes; the
//                                      samples cannot be deleted (400).
// - POST   /v1/videos                  400: the demo only remixes its samples.
// The Authorization header is ignored: the demo needs no key. Times are divided by speed() so that tests
// run in a fraction of a second. Samples serve resources/demo/source.mp4, remixes result.mp4 (the
// sample scene with a purple background, the seed prompt's wish); see scripts/make-demo-media.sh.
class DemoService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoService)

public:
    // The lifecycle of a remix at speed 1, in milliseconds after the POST.
    static constexpr int QueuedMs = 1000;    // queued, progress 0
    static constexpr int CompletedMs = 6000; // in_progress in between, completed from here on
    static constexpr int ModeratedMs = 2000; // a prompt that trips the pretend moderation fails here
    static constexpr int MaxPromptLength = 32000;

    explicit DemoService(QObject *parent = nullptr);
    ~DemoService() override;

    // Listens on 127.0.0.1 on a free port; false if that fails. Calling it again while running is a no-op.
    // port 0: any free port (the app's demo); a fixed one for tests/demo_relay, which outlives the app.
    bool start(quint16 port = 0);
    bool isRunning() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    // "http://127.0.0.1:<port>/v1", ready for ServiceEndpoint::apiBase; empty until start() succeeded.
    QUrl baseUrl() const;

    // 1.0 = the timings above; 10.0 = ten times faster. Values <= 0 are ignored.
    void setSpeed(double speed);
    double speed() const { return m_speed; }

    // The completed sample videos a newcomer can remix ("video_demo_city", …), in a stable order.
    static QStringList sampleVideoIds();
    // A short translated title for a sample id ("City street at dusk"), empty for other ids.
    static QString sampleTitle(const QString &videoId);
    // The prompt the README and the first-run hint suggest (the seed's example: make the background purple).
    static QString suggestedPrompt();
    // Words that make a prompt fail as if blocked by moderation (matched case-insensitively, anywhere in
    // the prompt): "blood", "violence", "violent", "gore", "暴力", "血腥".
    static QStringList moderationTriggers();
    static bool tripsModeration(const QString &prompt);

    // Labels for the UI, all translated: the profile name, a one-paragraph description, and a one-word
    // badge ("Demo") for places with little room (window title, status bar, history rows).
    static QString displayName();
    static QString description();
    static QString shortLabel();

    // Number of remixes created since start (tests, diagnostics).
    int remixCount() const;

signals:
    // A remix was accepted (after the POST answer was written).
    void remixCreated(const QString &videoId, const QString &sourceVideoId);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
    quint16 m_port = 0;
    double m_speed = 1.0;
};
