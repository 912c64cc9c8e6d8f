<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Video Remix</source>
        <comment>about dialog title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video Remix %1</source>
        <comment>about dialog: the app&apos;s name and version; %1 is the version</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the ID of a video you made, describe what to change, and the video service makes a new version of it.</source>
        <comment>about dialog: what the app does</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free software under the %1 licence. Built with Qt %2, running on Qt %3.</source>
        <comment>about dialog; %1 is the licence&apos;s SPDX name (GPL-3.0-or-later), %2 and %3 Qt versions</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not open</source>
        <comment>about dialog: the history database could not be opened</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this computer</source>
        <comment>about dialog: heading of the list of folders the app uses</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History: %1</source>
        <comment>about dialog: where the job history database is; %1 is its path</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos: %1</source>
        <comment>about dialog: the folder downloaded videos are saved in; %1 is its path</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <comment>about dialog: the settings file; %1 is its path</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website: %1</source>
        <comment>about dialog: %1 is the project&apos;s web address</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report a problem: %1</source>
        <comment>about dialog: %1 is the address of the project&apos;s issue tracker</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The service blocked this request (content moderation). Change the prompt and try again.</source>
        <comment>a video job failed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service could not make the video: %1.</source>
        <comment>a video job failed; %1 is the service&apos;s own reason</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service could not make the video. Try again, or change the prompt.</source>
        <comment>a video job failed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address answered with something that is not the video API (a web page?). Check the service address, including the /v1 part.</source>
        <comment>error message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service took too long to answer. The remix may have started anyway: check the job list before sending it again.</source>
        <comment>error message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service took too long to answer. Trying again shortly.</source>
        <comment>error message while polling</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service took too long to answer. Try again later.</source>
        <comment>error message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <comment>error message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the service. Check the service address and your internet connection.</source>
        <comment>error message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the service dropped. The remix may have started anyway: check the job list before sending it again.</source>
        <comment>error message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the service dropped. Check your internet connection and try again.</source>
        <comment>error message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection to the service failed (certificate problem). Check the service address, your computer&apos;s date and time, and any proxy.</source>
        <comment>error message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy refused or failed the connection. Check your proxy settings.</source>
        <comment>error message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A network error occurred. Check your internet connection and try again.</source>
        <comment>error message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service rejected the API key. Check the API key in Settings.</source>
        <comment>error message, HTTP 401</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service refused access (region or permission). Check your account and plan with the service provider.</source>
        <comment>error message, HTTP 403</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This service does not know that video, or has no remix function at this address. Check the service address and that the video was made through this account.</source>
        <comment>error message, HTTP 404 on remix</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video file is no longer available on the service (download links expire).</source>
        <comment>error message, HTTP 404 on download</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address answered, but the video API is not there. Check the service address, including the /v1 part.</source>
        <comment>error message, HTTP 404 on connection test</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service cannot remix this video: the source must be a completed video made through this same account and service.</source>
        <comment>error message, HTTP 400 on remix</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service refused the request: %1.</source>
        <comment>error message, HTTP 400; %1 is the service&apos;s own reason</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service refused the request.</source>
        <comment>error message, HTTP 400</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service rejected the request as conflicting or invalid: %1.</source>
        <comment>error message, HTTP 409/422; %1 is the service&apos;s own reason</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service rejected the request as conflicting or invalid.</source>
        <comment>error message, HTTP 409/422</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service took too long to receive the request. Try again.</source>
        <comment>error message, HTTP 408</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is busy or your quota is used up. Wait %1 seconds, and check your balance with the service provider.</source>
        <comment>error message, HTTP 429; %1 is a number of seconds (2 or more)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is busy or your quota is used up. Wait a moment, and check your balance with the service provider.</source>
        <comment>error message, HTTP 429</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service (or its gateway) had a problem; this is not caused by your settings. The remix may have started anyway: check the job list before sending it again.</source>
        <comment>error message, HTTP 5xx on remix</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service (or its gateway) had a problem; this is not caused by your settings. Trying again shortly.</source>
        <comment>error message, HTTP 5xx while polling</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service (or its gateway) had a problem; this is not caused by your settings. Try again later.</source>
        <comment>error message, HTTP 5xx</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service refused the request (HTTP %1): %2.</source>
        <comment>error message; %1 is the HTTP status, %2 the service&apos;s reason</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service refused the request (HTTP %1).</source>
        <comment>error message; %1 is the HTTP status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected answer</source>
        <comment>technical detail: the body is not the expected JSON</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job failed</source>
        <comment>technical detail</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out</source>
        <comment>technical detail</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code: %1</source>
        <comment>technical detail</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type: %1</source>
        <comment>technical detail</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>param: %1</source>
        <comment>technical detail</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request id: %1</source>
        <comment>technical detail</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry after: %1 ms</source>
        <comment>technical detail</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service blocked this request (content moderation) before making the video; it says you were not charged. Change the prompt and try again.</source>
        <comment>a video job was refused by moderation before generation</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service no longer knows this job: it may have been deleted there, or it expired. Use Refresh to ask again.</source>
        <comment>error message, HTTP 404 while polling a job this app created</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service no longer has this video: it was already deleted there, or it expired. You can remove it from your list.</source>
        <comment>error message, HTTP 404 on deleting a video</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new video may have been started anyway: check the job list before sending it again.</source>
        <comment>added to an error message after creating or extending a video failed without a clear answer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service took too long to answer.</source>
        <comment>error message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the service dropped.</source>
        <comment>error message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This service cannot make new videos at this address (it has no such function). Check the service address, including the /v1 part.</source>
        <comment>error message, HTTP 404/405 on creating a video</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This service cannot extend videos. You can remix the video instead.</source>
        <comment>message, HTTP 404/405 on extending a video: the service has no such function</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This service does not list its videos. Your own jobs are in the job list.</source>
        <comment>message, HTTP 404/405 on listing videos: the service has no such function</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This service does not know that video.</source>
        <comment>error message, HTTP 404</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service (or its gateway) had a problem; this is not caused by your settings.</source>
        <comment>error message, HTTP 5xx</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (The service says: %2)</source>
        <comment>an error message, then the service&apos;s own words in Chinese</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked by moderation</source>
        <comment>short reason in the job list: the content checks refused it</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service could not make it</source>
        <comment>short reason in the job list: the video job failed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not the video API</source>
        <comment>short reason in the job list: the address answered with a web page or junk</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer in time</source>
        <comment>short reason in the job list</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <comment>short reason in the job list</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service not reachable</source>
        <comment>short reason in the job list</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection dropped</source>
        <comment>short reason in the job list</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secure connection failed</source>
        <comment>short reason in the job list: certificate problem</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy problem</source>
        <comment>short reason in the job list</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network problem</source>
        <comment>short reason in the job list</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key rejected</source>
        <comment>short reason in the job list: HTTP 401</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access refused</source>
        <comment>short reason in the job list: HTTP 403</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video not found</source>
        <comment>short reason in the job list: HTTP 404 on remix</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no longer on the service</source>
        <comment>short reason in the job list: HTTP 404 while polling</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy or out of quota</source>
        <comment>short reason in the job list: HTTP 429</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service error</source>
        <comment>short reason in the job list: HTTP 5xx</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request refused</source>
        <comment>short reason in the job list: any other HTTP error</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiRequestJob</name>
    <message>
        <source>No service address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>&amp;Make:</source>
        <comment>batch dialog: remixes or new videos</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Video ID:</source>
        <comment>batch dialog: the video every remix starts from</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prompts:</source>
        <comment>batch dialog: one prompt per line</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V&amp;ersions of each:</source>
        <comment>batch dialog: how many jobs per prompt</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Batch File</source>
        <comment>file dialog title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.txt);;All files (*)</source>
        <comment>file dialog filter for batch files</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be read (or is over 5 MB).</source>
        <comment>batch file problem</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <comment>batch problem; %1 is a line number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write one prompt per line, or load a CSV file.</source>
        <comment>batch dialog summary</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 jobs is more than one batch takes (%2).</source>
        <comment>batch dialog summary</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 jobs will be sent to “%2”, a few at a time. Each one is charged by the service; the cost is not known to this app.</source>
        <comment>batch dialog summary: the question before sending; %1 is a number of jobs</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <comment>button: go on sending the batch</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ause</source>
        <comment>button: stop sending the batch for now</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch: %1 of %2 sent · %3 waiting · %4 not confirmed · %5 refused%6</source>
        <comment>batch progress; %6 is empty or &apos; · paused&apos;</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · paused</source>
        <comment>batch progress suffix</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a Batch</source>
        <comment>dialog title: many jobs at once</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remixes of one video</source>
        <comment>batch kind</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New videos (with the New Video tab&apos;s model, length and size)</source>
        <comment>batch kind</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One prompt per line, e.g.
make the sky purple
让背景变成雪景</source>
        <comment>placeholder of the batch prompts</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load CSV…</source>
        <comment>button: read jobs from a CSV or TSV file</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remixes: source_id,prompt per row. New videos: prompt,model,seconds,size,image.</source>
        <comment>tooltip of the Load CSV button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send Batch</source>
        <comment>button: start sending the batch</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 jobs will be sent to “%2”, a few at a time. Each one is charged by the service; estimated cost in all: %3.</source>
        <comment>batch dialog summary: the question before sending; %1 is a number of jobs, %3 an amount from the prices set in Settings</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchFile</name>
    <message>
        <source>Expected a video id and a prompt, separated by a comma.</source>
        <comment>batch file problem: a remix row has too few columns</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The length “%1” is not a number of seconds.</source>
        <comment>batch file problem; %1 is what the row says</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The size “%1” is not WIDTHxHEIGHT, e.g. 720x1280.</source>
        <comment>batch file problem</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image “%1” is neither a web address (https://…) nor a JPEG, PNG or WebP file on this computer.</source>
        <comment>batch file problem; %1 is what the row says</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionTestResult</name>
    <message>
        <source>Connected</source>
        <comment>connection test outcome</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key rejected</source>
        <comment>connection test outcome</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No video API at this address</source>
        <comment>connection test outcome</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limited</source>
        <comment>connection test outcome: HTTP 429</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server error</source>
        <comment>connection test outcome</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <comment>connection test outcome</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server not found</source>
        <comment>connection test outcome: DNS failure</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure connection failed</source>
        <comment>connection test outcome: TLS/certificate problem</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <comment>connection test outcome: timed out</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy problem</source>
        <comment>connection test outcome</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid address</source>
        <comment>connection test outcome</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video API answers at this address. You can start remixing.</source>
        <comment>connection test result</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service refused the API key (HTTP %1). Check that the key is complete and belongs to this service, and that it may use the video API.</source>
        <comment>connection test result; %1 is 401 or 403</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address redirects to %1. Enter that address instead.</source>
        <comment>connection test result; %1 is a URL</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address answers, but not with the video API. Check the address, especially the /v1 part at its end, and that this service offers the video API.</source>
        <comment>connection test result; keep &apos;/v1&apos; as it is</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is busy or your quota is used up (HTTP 429). Wait a little and try again, or check your balance with the provider.</source>
        <comment>connection test result</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something in front of the service refused the request (HTTP 403), for example a firewall or a region block. Try another network or proxy, or ask your provider.</source>
        <comment>connection test result: a 403 page that is not from the API</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service has a problem right now (HTTP %1). Try again later; if it persists, ask your provider.</source>
        <comment>connection test result; %1 is a 5xx status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to the server. Check the address and port, and your internet connection.</source>
        <comment>connection test result</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server name could not be found. Check the spelling of the address and your internet connection.</source>
        <comment>connection test result: DNS failure</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection failed: the server&apos;s certificate is self-signed, so its identity cannot be verified. Check the address, or ask your provider for a valid certificate.</source>
        <comment>connection test result</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection failed: the server&apos;s certificate has expired. Check your computer&apos;s date and time, or ask your provider to renew the certificate.</source>
        <comment>connection test result</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection failed: the server&apos;s certificate is not valid yet. Check your computer&apos;s date and time.</source>
        <comment>connection test result</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection failed: the server&apos;s certificate is for a different host name. Check the address.</source>
        <comment>connection test result</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection failed: the server&apos;s certificate is not issued by a trusted authority. Check the address, or whether a proxy or security program intercepts connections.</source>
        <comment>connection test result</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection failed: the server&apos;s certificate has been revoked. Ask your provider.</source>
        <comment>connection test result</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection (TLS) to the server failed. Check the address; if you use a proxy or security program, check that it does not intercept connections.</source>
        <comment>connection test result</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the address and your connection or proxy, then try again.</source>
        <comment>connection test result</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy asks for a user name and password (HTTP 407). Check the proxy settings.</source>
        <comment>connection test result</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy could not be used. Check the proxy settings, or whether the proxy program is running.</source>
        <comment>connection test result</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a web address the app can use. Enter the service address, for example https://api.example.com/v1.</source>
        <comment>connection test result; keep the example URL</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video API answered as expected: asked for a made-up test video, it said there is no such video. You can start remixing.</source>
        <comment>connection test result: the service answered &apos;not found&apos; for the test&apos;s made-up video id, which is the right answer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This service takes remixes at /videos/remix with the video ID in the request; this profile will send them that way once you save it.</source>
        <comment>connection test result, second sentence; keep &apos;/videos/remix&apos; as it is</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionTester</name>
    <message>
        <source>not an http(s) address: %1</source>
        <comment>connection test detail</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CostEstimator</name>
    <message>
        <source>Estimated cost: %1</source>
        <comment>under a form: the cost of what is about to be sent; %1 is an amount</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost: no price set for this service (Settings)</source>
        <comment>under a form: the active service profile has no price, so the cost is unknown</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated cost: unknown (no price for this model)</source>
        <comment>under a form</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated cost: unknown (the video&apos;s length is not known)</source>
        <comment>under a form</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CostTotal</name>
    <message>
        <source>Today %1 · this month %2</source>
        <comment>status bar: estimated cost of the jobs sent; %1 and %2 are amounts</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated from the prices set for each service in Settings.</source>
        <comment>tooltip of the cost total in the status bar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) this month are not counted: no price for their model, or their length is not known.</source>
        <comment>tooltip of the cost total</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CreateForm</name>
    <message>
        <source>Optional. The video starts from this picture: drop an image here, choose a file, paste one, or enter its address. JPEG, PNG or WebP.</source>
        <comment>note under the reference image buttons when none is chosen</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the full address of the image, starting with https://.</source>
        <comment>reference image URL is not a web address</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service downloads the image from this address. Its size should match the video&apos;s size.</source>
        <comment>note for a reference image given as a URL</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading “%1”…</source>
        <comment>the reference image is being read</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is %2; the video is %3, so the image is fitted:</source>
        <comment>reference image of another size than the video; %2 and %3 are sizes like 1600 × 900; followed by a choice: crop or add bars</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”, %2: the video starts from this picture.</source>
        <comment>reference image chosen; %2 is its size like 720 × 1280</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the First Frame</source>
        <comment>file dialog title: pick the reference image of a new video</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp);;All files (*)</source>
        <comment>file dialog filter</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pasted image.png</source>
        <comment>file name of an image pasted from the clipboard</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no image. Copy a picture (or its address) first.</source>
        <comment>the Paste image button found nothing usable</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped image.png</source>
        <comment>file name of an image dropped from another app</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <comment>label of the new video&apos;s prompt field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the video, e.g. “A cat walks through Tokyo in the rain, neon reflections” or “一只猫在雨夜的东京街头散步”.</source>
        <comment>placeholder of the new video&apos;s prompt</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <comment>label: which video model makes the new video</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model name as your service spells it; some relays use names such as sora-2-landscape-15s.</source>
        <comment>tooltip of the model box</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Length (s):</source>
        <comment>label: the new video&apos;s length in seconds</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds: 4, 8 or 12; some services also take 16 or 20.</source>
        <comment>tooltip of the length box</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <comment>label: the new video&apos;s width x height</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width × height: 720x1280 and 1024x1792 are portrait, 1280x720 and 1792x1024 landscape.</source>
        <comment>tooltip of the size box</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First &amp;frame:</source>
        <comment>label of the optional reference image</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <comment>button: pick a reference image file</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste</source>
        <comment>button: use the image on the clipboard</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <comment>button: no reference image</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or an image address (https://…)</source>
        <comment>placeholder of the reference image URL</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crop to fill</source>
        <comment>fit a reference image: cut off what does not fit</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit with bars</source>
        <comment>fit a reference image: whole image, black bars around</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Video</source>
        <comment>button: send the new video job</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new video from this prompt (%1). It is charged by the service.</source>
        <comment>tooltip of the Create Video button; %1 is the shortcut</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First frame preview</source>
        <comment>accessible name of the reference image preview</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First frame image address</source>
        <comment>accessible name of the reference image URL field</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoService</name>
    <message>
        <source>City street at dusk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beach at sunrise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cat on a windowsill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forest in the rain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo service (no account, nothing leaves this computer)</source>
        <comment>name of the built-in pretend service</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pretend video service built into Video Remix, for trying the app without an account or key. It offers a few sample videos to remix, finishes each job within seconds and always returns the same short sample clip. Prompts mentioning blood or violence are rejected, to show what a blocked job looks like. Nothing is sent over the internet.</source>
        <comment>description of the built-in pretend service</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo</source>
        <comment>short badge on anything from the built-in pretend service</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A busy city street at dusk, neon signs, handheld camera (demo sample)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waves rolling onto a quiet beach at sunrise, wide shot (demo sample)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A ginger cat watching birds from a sunny windowsill (demo sample)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light rain in a green forest, slow dolly forward (demo sample)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DesktopNotifications</name>
    <message>
        <source>Show</source>
        <comment>desktop notification action: show the job</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DownloadJob</name>
    <message>
        <source>No service address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file arrived incomplete (%1 of %2 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server stopped sending the video. Try the download again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download failed because of a network problem. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download link has expired. The service keeps finished videos only for a limited time; remix the video again to get a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not send a video file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full. Free some space and download again; the part already received is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video cannot be saved in this folder. Choose another download folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: “%1” could not be written. Free some space and download again; the part already received is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video cannot be saved in “%1”. Choose another download folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video cannot be saved in “%1” (%2). Choose another download folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <source>Extend Video</source>
        <comment>dialog title: continue a finished video</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new video continues “%1” and is charged by the service. What happens next?</source>
        <comment>extend dialog; %1 is the video id</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. “The camera rises above the city as the sun sets”</source>
        <comment>placeholder of the extend dialog&apos;s prompt</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video&apos;s own prompt was: %1</source>
        <comment>tooltip; %1 is a prompt</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many seconds to add.</source>
        <comment>tooltip of the extend dialog&apos;s length</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend</source>
        <comment>button: send the extension job</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next:</source>
        <comment>label of the extend prompt: what happens next</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add seconds:</source>
        <comment>label of the extension&apos;s length</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the seconds to add as a number, e.g. 8.</source>
        <comment>extend dialog hint</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileSecretStore</name>
    <message>
        <source>The API key will be saved unencrypted in the file %1. Only your user account can read this file, but anyone who gets access to your account or to a backup of it can read the key and spend your balance. Use this only when no system keychain is available.</source>
        <comment>warning shown before storing the API key in a plain file; %1 is the file path</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search IDs and prompts</source>
        <comment>placeholder of the job list&apos;s search field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows only jobs whose source ID, result ID or prompt contains this text (Ctrl+F). Esc clears it.</source>
        <comment>tooltip of the job list&apos;s search field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every job in the list</source>
        <comment>filter button tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs being sent, waiting or running</source>
        <comment>filter button tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished remixes</source>
        <comment>filter button tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs that failed, expired or were not sent</source>
        <comment>filter button tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All (%1)</source>
        <comment>filter button: every job; %1 is how many</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active (%1)</source>
        <comment>filter button: jobs waiting or running; %1 is how many</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed (%1)</source>
        <comment>filter button: finished jobs; %1 is how many</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed (%1)</source>
        <comment>filter button: failed jobs; %1 is how many</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the job list</source>
        <comment>accessible name of the job list&apos;s search field</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FolderRevealer</name>
    <message>
        <source>No file manager could be opened for “%1”.</source>
        <comment>status bar; %1 is a folder</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GettingStarted</name>
    <message>
        <source>Connect a Service…</source>
        <comment>empty job list: button that opens the service settings</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address and API key your provider gave you</source>
        <comment>tooltip of the Connect a Service button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the Demo</source>
        <comment>empty job list: button that switches to the built-in demo service</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pretend video service inside the app: no account, nothing leaves this computer</source>
        <comment>tooltip of the Try the Demo button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Video Remix</source>
        <comment>empty job list on the first start: title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To remix your videos, connect the video service you use: its address and your API key. Or try the built-in demo first: it needs no account, and nothing leaves this computer.</source>
        <comment>empty job list on the first start: what to do next</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are trying the demo</source>
        <comment>empty job list while the demo service is in use: title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs yet</source>
        <comment>empty job list with a service configured: title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the ID of a video you made, describe what to change, and press Remix. Your jobs appear here and are kept when you close the app.</source>
        <comment>empty job list with a service configured</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click one of the sample videos above, describe what to change, and press Remix. The demo finishes in a few seconds.</source>
        <comment>empty job list while the demo service is in use</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the video you want and press Create Video. The demo finishes in a few seconds.</source>
        <comment>empty job list while the demo is in use and the New Video form is showing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the video you want and press Create Video. Your jobs appear here and are kept when you close the app.</source>
        <comment>empty job list with a service configured; the New Video form is showing</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobActions</name>
    <message>
        <source>The video was deleted on the service.</source>
        <comment>status bar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video could not be deleted on the service.</source>
        <comment>status bar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remix This Result</source>
        <comment>job action: put the result&apos;s id into the form</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remix result</source>
        <comment>toolbar: put the result&apos;s id into the form</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Puts the finished video&apos;s ID into the form, to make a remix of the remix (Ctrl+R)</source>
        <comment>tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Video ID</source>
        <comment>job action: the result&apos;s id, or the source&apos;s when there is none</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy ID</source>
        <comment>toolbar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies the result video&apos;s ID, or the source video&apos;s ID while there is no result (Ctrl+C)</source>
        <comment>tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Prompt</source>
        <comment>job action</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy prompt</source>
        <comment>toolbar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies the prompt of the selected jobs</source>
        <comment>tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Error Text</source>
        <comment>job action: the error message and its technical detail</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy error</source>
        <comment>toolbar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies why the job failed, with the technical detail</source>
        <comment>tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh &amp;Now</source>
        <comment>job action: ask the service for the status at once</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <comment>toolbar: ask for the status at once</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks the service for the job&apos;s status now (F5)</source>
        <comment>tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;try…</source>
        <comment>job action: send the same remix again</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <comment>toolbar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends the same remix again as a new job. The service charges for it again.</source>
        <comment>tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Download Again</source>
        <comment>job action: fetch the finished video&apos;s file again</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download again</source>
        <comment>toolbar: fetch the finished video&apos;s file again</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves the finished video again, into the download folder</source>
        <comment>tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <comment>job action: play the downloaded video</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <comment>toolbar: play the video</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plays the downloaded video below the list (Enter or double-click)</source>
        <comment>tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <comment>job action: open the folder of the downloaded video</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in folder</source>
        <comment>toolbar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the folder that holds the downloaded video</source>
        <comment>tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move from List…</source>
        <comment>job action: forget the job in this app</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete on the &amp;Service…</source>
        <comment>job action: delete the result video on the service</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete on service</source>
        <comment>toolbar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks the service to delete the result video for good</source>
        <comment>tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this remix again?</source>
        <comment>retry confirmation, one job</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Retry %n jobs?</source>
        <comment>retry confirmation, several jobs</comment>
        <translation>
            <numerusform>Retry %n job?</numerusform>
            <numerusform>Retry %n jobs?</numerusform>
        </translation>
    </message>
    <message>
        <source>It is sent as a new job, and the service charges for it again.</source>
        <comment>retry confirmation, one job</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each one is sent as a new job and charged again.</source>
        <comment>retry confirmation, several jobs</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer came back the first time, so the first remix may already be running on the service. Retrying may make it twice and cost twice.</source>
        <comment>retry confirmation for a job sent without an answer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of them got no answer the first time and may already be running on the service. Retrying those may make them twice and cost twice.</source>
        <comment>retry confirmation for jobs sent without an answer</comment>
        <translation>
            <numerusform>%n of them got no answer the first time and may already be running on the service. Retrying it may make it twice and cost twice.</numerusform>
            <numerusform>%n of them got no answer the first time and may already be running on the service. Retrying those may make them twice and cost twice.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry</source>
        <comment>dialog title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <comment>button: send the remix again</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the video into %1</source>
        <comment>status bar; %1 is a folder</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Downloading %n videos into %1</source>
        <comment>status bar; %1 is a folder; n &gt;= 2</comment>
        <translation>
            <numerusform>Downloading %n video into %1</numerusform>
            <numerusform>Downloading %n videos into %1</numerusform>
        </translation>
    </message>
    <message>
        <source>This video is not downloaded yet. Use Download Again to save it.</source>
        <comment>status bar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This job has no video yet.</source>
        <comment>status bar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program to play videos was found.</source>
        <comment>status bar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected videos are not downloaded.</source>
        <comment>status bar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this job from the list?</source>
        <comment>remove confirmation, one job</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n jobs from the list?</source>
        <comment>remove confirmation, several jobs</comment>
        <translation>
            <numerusform>Remove %n job from the list?</numerusform>
            <numerusform>Remove %n jobs from the list?</numerusform>
        </translation>
    </message>
    <message>
        <source>Videos on the service are not deleted.</source>
        <comment>remove confirmation</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app stops following the unfinished job; the service goes on making it.</source>
        <comment>remove confirmation</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The app stops following %n unfinished jobs; the service goes on making them.</source>
        <comment>remove confirmation; n &gt;= 2</comment>
        <translation>
            <numerusform>The app stops following %n unfinished job; the service goes on making it.</numerusform>
            <numerusform>The app stops following %n unfinished jobs; the service goes on making them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Also delete the downloaded file</source>
        <comment>remove confirmation</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Also delete the %n downloaded files</source>
        <comment>remove confirmation</comment>
        <translation>
            <numerusform>Also delete the %n downloaded file</numerusform>
            <numerusform>Also delete the %n downloaded files</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove from List</source>
        <comment>dialog title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <comment>button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the result video on the service?</source>
        <comment>delete confirmation, one job</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n result videos on the service?</source>
        <comment>delete confirmation</comment>
        <translation>
            <numerusform>Delete %n result video on the service?</numerusform>
            <numerusform>Delete %n result videos on the service?</numerusform>
        </translation>
    </message>
    <message>
        <source>The service deletes it for good; this cannot be undone. The file saved on this computer and the row in this list are kept.</source>
        <comment>delete confirmation, one job</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service deletes them for good; this cannot be undone. Files saved on this computer and the rows in this list are kept.</source>
        <comment>delete confirmation</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete on the Service</source>
        <comment>dialog title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <comment>button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the service to delete…</source>
        <comment>status bar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xtend This Video…</source>
        <comment>job action: continue the finished video with a new prompt</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend</source>
        <comment>toolbar: continue the finished video</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes a longer video that continues this one, from a prompt for what happens next (charged by the service)</source>
        <comment>tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from list</source>
        <comment>toolbar: remove from the list (the file is kept)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes the job from this list (Delete). The downloaded file stays on your computer unless you choose to delete it too; the video stays on the service.</source>
        <comment>tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ed&amp;it and Resend…</source>
        <comment>job action: put a blocked job&apos;s prompt back into the form</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <comment>toolbar: put a blocked job&apos;s prompt back into the form</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Puts the blocked prompt back into the form with the reason, so you can change it and send it again</source>
        <comment>tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is sent as a new job, and the service charges for it.</source>
        <comment>retry confirmation, one job the service never made (refused or unanswered)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each one is sent as a new job, and the service charges for each.</source>
        <comment>retry confirmation, several jobs, not all of them made by the service before</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service blocked this prompt (content moderation). Sent unchanged, it will most likely be blocked again: use Edit and Resend to change it first.</source>
        <comment>retry confirmation for a job blocked by moderation</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of them were blocked by the service (content moderation). Sent unchanged, they will most likely be blocked again.</source>
        <comment>retry confirmation for several jobs, some blocked by moderation</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Retry Unchanged</source>
        <comment>button: send a blocked remix again with the same prompt</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit and Resend…</source>
        <comment>button: put the blocked prompt back into the form</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobComposer</name>
    <message>
        <source>&amp;Remix a Video</source>
        <comment>tab: change an existing video with a prompt</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Video</source>
        <comment>tab: make a new video from a prompt</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change a video you already made: its id and what to change.</source>
        <comment>tab tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new video from a prompt, optionally starting from a picture.</source>
        <comment>tab tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDetailsPanel</name>
    <message>
        <source>No program to play videos was found.</source>
        <comment>status bar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs you start appear here. Select one to see its details.</source>
        <comment>details area while the job list is empty</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a job to see its details.</source>
        <comment>details area when no job is selected</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source video: %1</source>
        <comment>details: the id of the remixed video</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result video: %1</source>
        <comment>details: the id of the new video</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this</source>
        <comment>remix chain: the selected job, at the end of &apos;video_a → video_b → this&apos;</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remix chain: %1</source>
        <comment>details: %1 is like &apos;video_a → video_b → this&apos;</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to download the video…</source>
        <comment>details: download state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the video: %1 %</source>
        <comment>details: download state; %1 is a percentage</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The downloaded file is no longer there: %1. Use Download again to fetch it.</source>
        <comment>details: %1 is a file path</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <comment>details: %1 is the downloaded file&apos;s name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video&apos;s link expired before it was saved.</source>
        <comment>details: download state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video could not be saved: %1</source>
        <comment>details: %1 says why</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link expired</source>
        <comment>details: the service&apos;s download link no longer works</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link expires at %1</source>
        <comment>details: %1 is a time like 17:42</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Play to watch it here</source>
        <comment>video area before playing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <comment>player button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <comment>player button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video cannot be played here (%1). Try Open with system player.</source>
        <comment>details: %1 is the player&apos;s technical message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source video cannot be played here (%1).</source>
        <comment>details: %1 is the player&apos;s technical message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos cannot be played inside the app on this computer. Use Open with system player.</source>
        <comment>details: no multimedia backend</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open with system player</source>
        <comment>button: play the downloaded video outside the app</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in folder</source>
        <comment>button: open the folder of the downloaded video</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <comment>caption above the source video in the before/after player</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <comment>caption above the remixed video in the before/after player</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position (moves both videos)</source>
        <comment>tooltip of the player&apos;s seek slider</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <comment>accessible name of the player&apos;s seek slider</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt: </source>
        <comment>details: label before the prompt text; keep the trailing space in languages that use one</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the source…</source>
        <comment>button while the source video downloads</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with the source</source>
        <comment>button: fetch the source video for before/after</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before/after needs the source video on this computer.</source>
        <comment>note under the player when only the result can be shown</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job details</source>
        <comment>accessible name of the text about the selected job</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or pause the video here (before and after together when both are shown)</source>
        <comment>tooltip of the details pane&apos;s play button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continues: %1</source>
        <comment>details: the id of the video an extension continues</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new video</source>
        <comment>remix chain: its start, a video made from a prompt (&apos;new video → video_a → this&apos;)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This installation of Video Remix cannot play videos inside the app: its media part is missing. Use Open with system player, or install the app again.</source>
        <comment>details: the media module (libvideoremix_media) was not found</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobModel</name>
    <message>
        <source>Status “%1”</source>
        <comment>job status: a word the service sent that the app does not know</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · stopped checking</source>
        <comment>job status: %1 is the last known status; polling gave up</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · retrying</source>
        <comment>job status: %1 is the last known status; the service is not answering</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>progress percentage</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source video</source>
        <comment>column header: the video that was remixed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <comment>column header: what to change</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <comment>column header: job status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <comment>column header</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result video</source>
        <comment>column header: the new video&apos;s id</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <comment>column header: when the job was sent</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · waiting to download</source>
        <comment>job status: %1 is &apos;Completed&apos;</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · downloading</source>
        <comment>job status: %1 is &apos;Completed&apos;</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · saved</source>
        <comment>job status: %1 is &apos;Completed&apos;; the video file is on disk</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · download failed</source>
        <comment>job status: %1 is &apos;Completed&apos;</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · download link expired</source>
        <comment>job status: %1 is &apos;Completed&apos;</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading %1 %</source>
        <comment>progress bar text while the video file downloads</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New video</source>
        <comment>source column of a job that makes a new video (no source)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · extended</source>
        <comment>source column of a job that continues the video %1</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: %1</source>
        <comment>tooltip of a new video&apos;s job</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length: %1 s</source>
        <comment>tooltip of a new video&apos;s job; %1 is seconds</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size: %1</source>
        <comment>tooltip of a new video&apos;s job; %1 is WIDTHxHEIGHT</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts from: %1</source>
        <comment>tooltip of a new video&apos;s job; %1 is an image file name or URL</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · stopped checking: %2</source>
        <comment>job status: %1 is the last known status; polling gave up for the reason %2 (a few words, e.g. &apos;API key rejected&apos;)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>job status: the state, then the reason in a few words (e.g. &apos;blocked by moderation&apos;)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <comment>spoken job status: the short status, then the full reason</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading, %1 percent</source>
        <comment>spoken progress while the video file downloads</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 percent</source>
        <comment>spoken progress of a job, e.g. &apos;45 percent&apos;</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No result yet</source>
        <comment>spoken result column when the service has not named the new video</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated from the price set for this service in Settings.</source>
        <comment>tooltip of a job&apos;s cost</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost unknown: no price is set for this model in the service&apos;s settings, or the video&apos;s length is not known yet.</source>
        <comment>tooltip of a job&apos;s cost cell when it is empty</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <comment>column header: the job&apos;s estimated cost</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobState</name>
    <message>
        <source>Submitting…</source>
        <comment>job status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <comment>job status: the remix request may have reached the service, no answer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <comment>job status: the service refused the request</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <comment>job status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <comment>job status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>job status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>job status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>job status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <comment>job status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown status</source>
        <comment>job status</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobStore</name>
    <message>
        <source>Cannot create the folder for the job history (%1). Jobs will not be kept after the app closes. Check that the folder can be written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job history cannot be kept at %1 because something else (a folder?) is already there. Jobs will not be kept after the app closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job history is in use by another Video Remix window (process %1). Switch to that window, or close it and start Video Remix again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot lock the job history at %1 (no permission to write in its folder). Jobs will not be kept after the app closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the job history at %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job history at %1 is damaged and cannot be read. It has not been changed. You can set it aside (it is kept under a new name) and start a new, empty history, or quit and restore a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the job history at %1 for writing (%2). Jobs will not be kept after the app closes. Check the permissions of the file and the free disk space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SQLite driver of Qt is missing, so jobs cannot be kept after the app closes. Reinstall Video Remix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job history at %1 is in use by another program. Close it and start Video Remix again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is not a Video Remix job history. It has not been changed. You can set it aside (it is kept under a new name) and start a new, empty history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job history at %1 was written by a newer version of Video Remix (format %2; this version reads up to format %3). It has not been changed. Update Video Remix to see these jobs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job history at %1 could not be updated to this version of Video Remix (%2). It has been left as it was. Check the free disk space and start Video Remix again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not rename the damaged job history %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the job to the history (%1). It stays in the list until the app closes. Check the free disk space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the job from the history (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the job history completely (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobSubmitter</name>
    <message>
        <source>Now using the demo: click one of its sample videos, then press Remix.</source>
        <comment>status bar after switching to the demo from the Remix button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the Same Prompt?</source>
        <comment>dialog title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service blocked this prompt before. Sent unchanged, it will most likely be blocked again.</source>
        <comment>question when a blocked prompt is sent again without a change</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the prompt first, or send it anyway.</source>
        <comment>informative text</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send Anyway</source>
        <comment>button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the Prompt</source>
        <comment>button: back to the form</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send Again?</source>
        <comment>dialog title: the same remix was sent moments ago</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You just sent this remix. Send it again?</source>
        <comment>question when the same video id, prompt and service were submitted moments ago</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is charged again.</source>
        <comment>the same remix sent again: the service charges for it again</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send Again</source>
        <comment>button: send the same remix once more</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Video Service Yet</source>
        <comment>dialog title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The remix was not sent: no video service is set up yet.</source>
        <comment>Remix pressed before any service was configured</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect the service you use (its address and API key), or try the built-in demo: it needs no account and nothing leaves this computer. What you typed stays in the form.</source>
        <comment>Remix pressed before any service was configured: the two ways on</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the Demo</source>
        <comment>button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a Service…</source>
        <comment>button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo service could not start on this computer.</source>
        <comment>status bar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked last time: %1</source>
        <comment>above the prompt after Edit and Resend; %1 is why the service refused it</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <source>Delete on the Service?</source>
        <comment>dialog title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1” on the service?</source>
        <comment>question; %1 is a video id</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service removes the video for good; a copy you saved stays on this computer.</source>
        <comment>what deleting on the service does</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <comment>button: delete the video on the service</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <comment>window title: the videos the service keeps for this account</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search ids and prompts</source>
        <comment>library search field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remix</source>
        <comment>library button: put the id into the remix form</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xtend…</source>
        <comment>library button: continue the video</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <comment>library button: save the video to this computer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add to My Jobs</source>
        <comment>library button: show the video in the job list</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <comment>library button: delete the video on the service (asks first)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <comment>library button: ask the service again</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <comment>button</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Choose a service to see its videos.</source>
        <comment>library note: no service is set up</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the service for its videos…</source>
        <comment>library note while a page loads</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service has no videos for this account yet.</source>
        <comment>library note: an empty list</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This service does not list its videos. Your own jobs are in the job list.</source>
        <comment>library note: the service has no list route</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>a video&apos;s length in seconds in the library</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <comment>library column: the video&apos;s id</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <comment>library column</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <comment>library column</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <comment>library column: seconds</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <comment>library column: width x height</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <comment>library column: when the video was made</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Video Remix</source>
        <comment>main window title: the app&apos;s name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <comment>menu</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <comment>menu item: open the settings dialog</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <comment>menu item: close the app</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <comment>menu</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Video Remix</source>
        <comment>menu item</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <comment>menu item</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New jobs &amp;go to:</source>
        <comment>status bar: label of the service profile picker</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &amp;Download Folder…</source>
        <comment>menu item: where finished videos are saved</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download Finished Videos &amp;Automatically</source>
        <comment>checkable menu item: save each video when its job completes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <comment>menu: actions on the selected jobs</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <comment>menu</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search the List</source>
        <comment>menu item: focus the job list&apos;s search field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job actions</source>
        <comment>name of the toolbar (shown in its context menu)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Download Folder</source>
        <comment>folder dialog title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished videos are saved in %1</source>
        <comment>status bar; %1 is a folder</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History damaged</source>
        <comment>dialog title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the file aside and start a new history</source>
        <comment>button: the damaged history file is renamed, kept</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue without history</source>
        <comment>button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History not available</source>
        <comment>dialog title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New jobs work, but they will not be kept after you quit.</source>
        <comment>history warning</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Library…</source>
        <comment>menu item: the videos the service keeps for this account</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch was interrupted when the app closed: %1 jobs are not sent yet. Open File → Send a Batch to resume it.</source>
        <comment>status bar message after a restart</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a &amp;Batch…</source>
        <comment>menu item: many jobs at once</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <comment>accessible name of the job list</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your remix jobs, newest first: source video, prompt, status, progress, result video and time</source>
        <comment>accessible description of the job list</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo jobs are not kept after you close the app.</source>
        <comment>under the demo&apos;s sample videos</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationTray</name>
    <message>
        <source>&amp;Notify When Jobs Finish</source>
        <comment>checkable menu item: desktop message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remix completed: %1</source>
        <comment>desktop message; %1 is the start of the prompt</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remix failed: %1</source>
        <comment>desktop message; %1 is the start of the prompt</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n remixes completed</source>
        <comment>desktop message, several jobs (n &gt;= 2)</comment>
        <translation>
            <numerusform>%n remix completed</numerusform>
            <numerusform>%n remixes completed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n remixes failed</source>
        <comment>desktop message, several jobs (n &gt;= 2)</comment>
        <translation>
            <numerusform>%n remix failed</numerusform>
            <numerusform>%n remixes failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n remixes finished: %1 completed, %2 failed</source>
        <comment>desktop message; n: all jobs (&gt;= 2), %1 and %2: how many of them</comment>
        <translation>
            <numerusform>%n remix finished: %1 completed, %2 failed</numerusform>
            <numerusform>%n remixes finished: %1 completed, %2 failed</numerusform>
        </translation>
    </message>
    <message>
        <source>New video completed: %1</source>
        <comment>desktop message; %1 is the start of the prompt</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New video failed: %1</source>
        <comment>desktop message; %1 is the start of the prompt</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extension completed: %1</source>
        <comment>desktop message; %1 is the start of the prompt</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extension failed: %1</source>
        <comment>desktop message; %1 is the start of the prompt</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>The demo runs inside Video Remix and starts when you use it.</source>
        <comment>settings: the demo service is not running yet, so it has no address</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address your provider gave you, for example:</source>
        <comment>settings: shown while the service address is empty; an example address follows on the next line</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a usable web address. It should look like this:</source>
        <comment>settings: the service address cannot be used; an example address follows on the next line</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remix requests go to:</source>
        <comment>settings: the full request address follows on the next line, with {id} as a placeholder</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: this address uses http, not https. Your API key would travel unencrypted. Use https:// if the service supports it.</source>
        <comment>settings: warning under a plain-http service address</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <comment>button: mask the API key again</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <comment>button: reveal the API key</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the API key</source>
        <comment>tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the API key</source>
        <comment>tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in: System keychain</source>
        <comment>settings: under the API key field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in: This session only (forgotten when you quit)</source>
        <comment>settings: under the API key field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in: File readable only by you</source>
        <comment>settings: under the API key field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tried: %1</source>
        <comment>settings: connection test detail; %1 is the URL that was requested</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <comment>settings label: the name of a service profile</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My relay</source>
        <comment>placeholder of the service profile name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service &amp;address:</source>
        <comment>settings label: the API base URL</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by OPENAI_BASE_URL in the environment; change it there.</source>
        <comment>settings: the address field is read-only because of the environment variable</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <comment>settings label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sk-…</source>
        <comment>placeholder of the API key field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by OPENAI_API_KEY in the environment; change it there.</source>
        <comment>settings: the key field is read-only because of the environment variable</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check progress &amp;every:</source>
        <comment>settings label: how often running jobs are polled</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <comment>unit after the poll interval, in seconds; keep the leading space if usual</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often the app asks the service about running jobs.</source>
        <comment>tooltip of the poll interval</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <comment>settings label: how to reach the service</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the system&apos;s proxy settings</source>
        <comment>proxy choice</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No proxy (connect directly)</source>
        <comment>proxy choice</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP proxy</source>
        <comment>proxy choice</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SOCKS5 proxy</source>
        <comment>proxy choice</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy &amp;host and port:</source>
        <comment>settings label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy &amp;user and password:</source>
        <comment>settings label; both are optional</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <comment>placeholder: the proxy user name may stay empty</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password (optional)</source>
        <comment>placeholder of the proxy password field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <comment>button: test the connection to the service with these settings</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks the service&apos;s video API with this address and key, without creating a job.</source>
        <comment>tooltip of the Test button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>button: stop the running connection test</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This service comes from the environment variables OPENAI_BASE_URL and OPENAI_API_KEY and cannot be changed here.</source>
        <comment>settings: note above the read-only environment profile</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved key belongs to %1; enter the key for this address</source>
        <comment>key field placeholder after the address was changed to another host; %1 is the old host</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept for this session only: no system keychain is available. Choose below where to keep keys.</source>
        <comment>settings: under the API key field when the key cannot be saved in the keychain</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected answer (no such test video): %1</source>
        <comment>settings: connection test detail when the service said &apos;not found&apos; for the made-up test video; %1 is the technical answer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not understood: %1. Write a model, “=” and the price per second, e.g. sora-2 = 0.10.</source>
        <comment>settings: under the price field; %1 lists what could not be read</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: the price per second of video for each model, from your provider&apos;s price list (* for any other model), and its currency. Without a price, costs stay unknown.</source>
        <comment>settings: under the price field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$</source>
        <comment>placeholder of the currency field beside the price; a currency symbol or code usual in the language</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <comment>accessible name of the currency field beside the price</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency, as you want it shown: $, ¥, USD, 元 …</source>
        <comment>tooltip of the currency field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pr&amp;ice:</source>
        <comment>settings label: what the service charges per second of video</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilePicker</name>
    <message>
        <source>[%1] %2</source>
        <comment>service picker: %1 is the short Demo badge, %2 the demo&apos;s name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no address yet)</source>
        <comment>service picker: a profile without an address</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>service picker: profile name, then the host it talks to</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service new jobs are sent to. Jobs already sent stay with their own.</source>
        <comment>tooltip of the service picker</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New jobs go to</source>
        <comment>accessible name of the service picker in the status bar</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>%1 (copy)</source>
        <comment>name of a duplicated service profile</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressDelegate</name>
    <message>
        <source>%1 %</source>
        <comment>progress percentage</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptCheck</name>
    <message>
        <source>Describe the change you want in the prompt.</source>
        <comment>hint under an empty prompt field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt is too long: %1 characters, the limit is %2.</source>
        <comment>prompt length hint</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptHelp</name>
    <message>
        <source>Use one of your recent prompts again (searchable)</source>
        <comment>tooltip of the Recent prompts button under the prompt box</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompts you send appear here.</source>
        <comment>tooltip of the Recent prompts button while there are none yet</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background</source>
        <comment>example prompt menu entry: change the background</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <comment>example prompt menu entry: change a colour</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time of day</source>
        <comment>example prompt menu entry: change the time of day</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style</source>
        <comment>example prompt menu entry: change the visual style</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weather</source>
        <comment>example prompt menu entry: change the weather</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <comment>example prompt menu entry: change the camera movement</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the background to a quiet beach at sunset. Keep the people and their movements the same.</source>
        <comment>example remix prompt (one change: the background)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the car bright red. Keep everything else the same.</source>
        <comment>example remix prompt (one change: a colour)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make it night, lit by street lamps. Keep everything else the same.</source>
        <comment>example remix prompt (one change: the time of day)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn it into a hand-drawn watercolour animation. Keep the motion the same.</source>
        <comment>example remix prompt (one change: the style)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make it snow gently. Keep everything else the same.</source>
        <comment>example remix prompt (one change: the weather)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the still shot with a slow push-in towards the main subject. Keep everything else the same.</source>
        <comment>example remix prompt (one change: the camera movement)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A golden retriever runs along a quiet beach at sunset, waves rolling in behind it.</source>
        <comment>example prompt for a new video (about the setting)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bright red vintage car drives down an empty desert road, dust rising behind it.</source>
        <comment>example prompt for a new video (about colour)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A night market lit by neon signs and paper lanterns, people strolling past food stalls.</source>
        <comment>example prompt for a new video (about the time of day)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A hand-drawn watercolour animation of a paper boat floating down a rainy street.</source>
        <comment>example prompt for a new video (about the style)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snow falls gently on a mountain village while smoke rises from the chimneys.</source>
        <comment>example prompt for a new video (about the weather)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A slow drone shot rising over a misty forest at dawn to reveal a lake.</source>
        <comment>example prompt for a new video (about the camera movement)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>example prompt menu entry; %1 is the kind of change, %2 the example prompt</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent prompts</source>
        <comment>button under the prompt box: reuse a prompt sent before</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples</source>
        <comment>button under the prompt box: a menu of example prompts</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put an example into the prompt box</source>
        <comment>tooltip of the Examples button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search your recent prompts</source>
        <comment>placeholder of the recent prompts search field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent prompt contains this text.</source>
        <comment>recent prompts popup: the search found nothing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip: a remix works best with one well-defined change. Say what changes and what stays the same.</source>
        <comment>hint under the remix prompt box</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip: say what is seen and where, the light, and how the camera moves.</source>
        <comment>hint under the new video prompt box</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferenceImageFile</name>
    <message>
        <source>The image “%1” cannot be found.</source>
        <comment>reference image problem</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image “%1” is too large (%2 MB). Use an image under %3 MB.</source>
        <comment>reference image problem; %2 and %3 are sizes in megabytes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an image the app can read. Use a JPEG, PNG or WebP picture.</source>
        <comment>reference image problem</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a %2 image; the service takes JPEG, PNG or WebP only.</source>
        <comment>reference image problem; %2 is a format name such as GIF</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemixForm</name>
    <message>
        <source>%1 / %2</source>
        <comment>prompt length counter: characters used / maximum</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video &amp;ID:</source>
        <comment>label of the field for the id of the video to remix</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the id of the video to remix, e.g. video_68d7512d07848190b3e45da0ecbebcde</source>
        <comment>placeholder of the video id field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe what to change, e.g. “Make the background purple” or “让这个视频背景变成紫色”.</source>
        <comment>placeholder of the prompt field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remix</source>
        <comment>button: start a remix job</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a remix job with these changes (%1)</source>
        <comment>tooltip of the Remix button; %1 is the shortcut</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <comment>label of the prompt field: what to change in the video</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The id of a video you made earlier, for example video_…; pasted text is cleaned up</source>
        <comment>accessible description of the video id field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to change in the video, in Chinese or English</source>
        <comment>accessible description of the prompt field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample videos: %1</source>
        <comment>under the video id field; %1 is a list of links, one per sample video</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · </source>
        <comment>separator between the sample video links</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a sample to put its ID into the field</source>
        <comment>tooltip of the sample video links</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleaned up: only the ID is kept from “%1”.</source>
        <comment>note under the video ID field after pasted text was reduced to the id; %1 is what was pasted</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the id of the video to remix, e.g. %1</source>
        <comment>placeholder of the video id field; %1 is an id that works with the current service</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>System keychain</source>
        <comment>where the API key is stored: the operating system&apos;s password store</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for this session</source>
        <comment>where the API key is stored: in memory, forgotten when the app quits</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File on this computer</source>
        <comment>where the API key is stored: a file readable only by the user</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key is stored yet.</source>
        <comment>secret store result</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available on this computer. Keep the key for this session only, or store it in a file readable only by you.</source>
        <comment>secret store result: no keychain service answers (e.g. no Secret Service/KWallet)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key could not be stored or read. Try again, or choose another place to keep it.</source>
        <comment>secret store result: the keychain or the file refused the operation</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceActions</name>
    <message>
        <source>This job has no video on the service to delete.</source>
        <comment>delete on the service: the submit never created a video</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video was deleted on the service.</source>
        <comment>delete on the service</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This service does not offer deleting videos. The video stays on the service until it expires; you can still remove it from your list.</source>
        <comment>delete on the service: route missing (404/405)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service answered that it did not delete it. Try again later.</source>
        <comment>delete on the service: the answer said deleted: false</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video could not be deleted on the service. %1</source>
        <comment>delete on the service failed; %1 says why and what to do next</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceProfile</name>
    <message>
        <source>From environment</source>
        <comment>service profile built from OPENAI_BASE_URL / OPENAI_API_KEY</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unnamed service</source>
        <comment>service profile without a name</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceStatusLabel</name>
    <message>
        <source>Demo service (nothing is sent anywhere)</source>
        <comment>status bar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No service configured</source>
        <comment>status bar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open File › Settings… to enter the address of your video service.</source>
        <comment>status bar tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service: %1</source>
        <comment>status bar: %1 is the host name of the video service</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <comment>settings dialog title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <comment>settings label: the language of the user interface</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My service</source>
        <comment>name of the first service profile, made on the first start</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1] %2</source>
        <comment>profile list: %1 is the short Demo badge, %2 the demo&apos;s name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ✓</source>
        <comment>profile list: the service new jobs go to is marked with a tick</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New service</source>
        <comment>name of a service profile just added</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <comment>name of a duplicated service profile</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep API keys in a file?</source>
        <comment>title of the file storage warning</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep keys in the file</source>
        <comment>button: accept the file storage</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys are forgotten when you quit; you will enter them again next time.</source>
        <comment>settings: note for the session-only key storage</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys are kept in %1, readable only by your user account.</source>
        <comment>settings: note for the file key storage; %1 is the file path</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key saved by an earlier version is still in the plain settings file. It is removed from there as soon as it is kept in the place chosen above.</source>
        <comment>settings: note while an old plain-text key waits to be moved</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video Remix sends your remix requests to an OpenAI-compatible video service, usually a relay. Enter the service address (API base URL) and the API key your provider gave you, then press Test. The address usually ends in /v1, for example %1.</source>
        <comment>settings: intro shown on the first start</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No service yet? Try the demo</source>
        <comment>settings: first-start button that switches to the built-in demo</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Services:</source>
        <comment>settings: label above the list of service profiles</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <comment>button: add a service profile</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <comment>button: copy the selected service profile</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <comment>button: rename the selected service profile</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <comment>button: remove the selected service profile</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use for new jobs</source>
        <comment>button: make the selected service the one new jobs go to</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New jobs go to the service marked ✓. Jobs already sent stay with their own service.</source>
        <comment>tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep API &amp;keys in:</source>
        <comment>settings label: where API keys are stored</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System keychain</source>
        <comment>key storage choice</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session only</source>
        <comment>key storage choice: forgotten when the app quits</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File readable only by you</source>
        <comment>key storage choice</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <comment>accessible name of the list of service profiles</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available on this computer, so keys are kept for this session only and forgotten when you quit. To keep them, choose “File readable only by you”.</source>
        <comment>settings: note when the system keychain is unavailable</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This happens when no password manager (such as GNOME Keyring or KWallet) runs in your session, for example over a remote connection or in a container.</source>
        <comment>settings: why the system keychain can be unavailable</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard Changes?</source>
        <comment>settings: dialog title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You changed the settings. Save the changes before closing?</source>
        <comment>settings: Cancel, Escape or close with unsaved changes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarding forgets the addresses and keys typed here.</source>
        <comment>settings: what Discard loses</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <comment>button: save the settings and close</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <comment>button: close without saving</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Editing</source>
        <comment>button: stay in the settings</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VideoIdInput</name>
    <message>
        <source>Enter the ID of the video to remix.</source>
        <comment>hint under the video ID field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a share link from the Sora app, not an API video ID. Use the ID the API returned (it usually starts with video_ or task_).</source>
        <comment>hint under the video ID field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an ID from the Sora app, not an API video ID. Use the ID the API returned (it usually starts with video_ or task_).</source>
        <comment>hint under the video ID field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A video ID has no spaces, line breaks or quotes inside. Paste only the ID (it usually starts with video_ or task_).</source>
        <comment>hint under the video ID field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is too long to be a video ID. Paste only the ID (it usually starts with video_ or task_).</source>
        <comment>hint under the video ID field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This web address contains no video ID. Paste the ID the API returned (it usually starts with video_ or task_).</source>
        <comment>hint under the video ID field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>There are %n video IDs in what you pasted (%1). Paste only the one to remix.</source>
        <comment>hint under the video ID field; %1 lists the IDs found</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between video IDs in a list</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Remix videos of an OpenAI-compatible video service by prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language: zh_CN or en (remembered as the choice).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language “%1”; use zh_CN or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with the built-in demo service and an empty, separate history (no account needed, nothing leaves this computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the demo service when no service address is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video Remix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo service could not start on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
