<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApiError</name>
    <message>
        <source>The service blocked this request (content moderation). Change the prompt and try again.</source>
        <comment>a video job failed</comment>
        <translation>服务拦截了此请求（内容审核）。请修改提示词后重试。</translation>
    </message>
    <message>
        <source>The service could not make the video: %1.</source>
        <comment>a video job failed; %1 is the service&apos;s own reason</comment>
        <translation>服务未能生成视频：%1。</translation>
    </message>
    <message>
        <source>The service could not make the video. Try again, or change the prompt.</source>
        <comment>a video job failed</comment>
        <translation>服务未能生成视频。请重试，或修改提示词。</translation>
    </message>
    <message>
        <source>The address answered with something that is not the video API (a web page?). Check the service address, including the /v1 part.</source>
        <comment>error message</comment>
        <translation>该地址返回的不是视频 API（可能是网页）。请检查服务地址，包括 /v1 部分。</translation>
    </message>
    <message>
        <source>The service took too long to answer. The remix may have started anyway: check the job list before sending it again.</source>
        <comment>error message</comment>
        <translation>服务响应超时。改编可能已经开始，重新提交前请先查看任务列表。</translation>
    </message>
    <message>
        <source>The service took too long to answer. Trying again shortly.</source>
        <comment>error message while polling</comment>
        <translation>服务响应超时，稍后自动重试。</translation>
    </message>
    <message>
        <source>The service took too long to answer. Try again later.</source>
        <comment>error message</comment>
        <translation>服务响应超时，请稍后重试。</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <comment>error message</comment>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <source>Cannot reach the service. Check the service address and your internet connection.</source>
        <comment>error message</comment>
        <translation>无法连接到服务。请检查服务地址和网络连接。</translation>
    </message>
    <message>
        <source>The connection to the service dropped. The remix may have started anyway: check the job list before sending it again.</source>
        <comment>error message</comment>
        <translation>与服务的连接已断开。改编可能已经开始，重新提交前请先查看任务列表。</translation>
    </message>
    <message>
        <source>The connection to the service dropped. Check your internet connection and try again.</source>
        <comment>error message</comment>
        <translation>与服务的连接已断开。请检查网络连接后重试。</translation>
    </message>
    <message>
        <source>A secure connection to the service failed (certificate problem). Check the service address, your computer&apos;s date and time, and any proxy.</source>
        <comment>error message</comment>
        <translation>无法与服务建立安全连接（证书问题）。请检查服务地址、电脑的日期和时间，以及代理设置。</translation>
    </message>
    <message>
        <source>The proxy refused or failed the connection. Check your proxy settings.</source>
        <comment>error message</comment>
        <translation>代理拒绝了连接或连接失败。请检查代理设置。</translation>
    </message>
    <message>
        <source>A network error occurred. Check your internet connection and try again.</source>
        <comment>error message</comment>
        <translation>网络出错。请检查网络连接后重试。</translation>
    </message>
    <message>
        <source>The service rejected the API key. Check the API key in Settings.</source>
        <comment>error message, HTTP 401</comment>
        <translation>服务拒绝了 API 密钥。请在“设置”中检查 API 密钥。</translation>
    </message>
    <message>
        <source>The service refused access (region or permission). Check your account and plan with the service provider.</source>
        <comment>error message, HTTP 403</comment>
        <translation>服务拒绝访问（地区或权限限制）。请向服务商确认你的账号和套餐。</translation>
    </message>
    <message>
        <source>This service does not know that video, or has no remix function at this address. Check the service address and that the video was made through this account.</source>
        <comment>error message, HTTP 404 on remix</comment>
        <translation>此服务找不到该视频，或此地址不提供改编功能。请检查服务地址，并确认该视频是用此账号生成的。</translation>
    </message>
    <message>
        <source>The service no longer knows this video.</source>
        <comment>error message, HTTP 404 while polling</comment>
        <translation>服务上已找不到此视频。</translation>
    </message>
    <message>
        <source>The video file is no longer available on the service (download links expire).</source>
        <comment>error message, HTTP 404 on download</comment>
        <translation>服务上的视频文件已失效（下载链接有有效期）。</translation>
    </message>
    <message>
        <source>The address answered, but the video API is not there. Check the service address, including the /v1 part.</source>
        <comment>error message, HTTP 404 on connection test</comment>
        <translation>该地址有响应，但没有视频 API。请检查服务地址，包括 /v1 部分。</translation>
    </message>
    <message>
        <source>The service cannot remix this video: the source must be a completed video made through this same account and service.</source>
        <comment>error message, HTTP 400 on remix</comment>
        <translation>服务无法改编此视频：源视频必须是用同一账号、在同一服务上生成且已完成的视频。</translation>
    </message>
    <message>
        <source>The service refused the request: %1.</source>
        <comment>error message, HTTP 400; %1 is the service&apos;s own reason</comment>
        <translation>服务拒绝了请求：%1。</translation>
    </message>
    <message>
        <source>The service refused the request.</source>
        <comment>error message, HTTP 400</comment>
        <translation>服务拒绝了请求。</translation>
    </message>
    <message>
        <source>The service rejected the request as conflicting or invalid: %1.</source>
        <comment>error message, HTTP 409/422; %1 is the service&apos;s own reason</comment>
        <translation>服务拒绝了请求（请求冲突或无效）：%1。</translation>
    </message>
    <message>
        <source>The service rejected the request as conflicting or invalid.</source>
        <comment>error message, HTTP 409/422</comment>
        <translation>服务拒绝了请求（请求冲突或无效）。</translation>
    </message>
    <message>
        <source>The service took too long to receive the request. Try again.</source>
        <comment>error message, HTTP 408</comment>
        <translation>服务接收请求超时，请重试。</translation>
    </message>
    <message>
        <source>The service is busy or your quota is used up. Wait %1 seconds, and check your balance with the service provider.</source>
        <comment>error message, HTTP 429; %1 is a number of seconds (2 or more)</comment>
        <translation>服务繁忙或额度已用完。请等待 %1 秒，并向服务商查询余额。</translation>
    </message>
    <message>
        <source>The service is busy or your quota is used up. Wait a moment, and check your balance with the service provider.</source>
        <comment>error message, HTTP 429</comment>
        <translation>服务繁忙或额度已用完。请稍等片刻，并向服务商查询余额。</translation>
    </message>
    <message>
        <source>The service (or its gateway) had a problem; this is not caused by your settings. The remix may have started anyway: check the job list before sending it again.</source>
        <comment>error message, HTTP 5xx on remix</comment>
        <translation>服务（或其网关）出现故障，与你的设置无关。改编可能已经开始，重新提交前请先查看任务列表。</translation>
    </message>
    <message>
        <source>The service (or its gateway) had a problem; this is not caused by your settings. Trying again shortly.</source>
        <comment>error message, HTTP 5xx while polling</comment>
        <translation>服务（或其网关）出现故障，与你的设置无关。稍后自动重试。</translation>
    </message>
    <message>
        <source>The service (or its gateway) had a problem; this is not caused by your settings. Try again later.</source>
        <comment>error message, HTTP 5xx</comment>
        <translation>服务（或其网关）出现故障，与你的设置无关。请稍后重试。</translation>
    </message>
    <message>
        <source>The service refused the request (HTTP %1): %2.</source>
        <comment>error message; %1 is the HTTP status, %2 the service&apos;s reason</comment>
        <translation>服务拒绝了请求（HTTP %1）：%2。</translation>
    </message>
    <message>
        <source>The service refused the request (HTTP %1).</source>
        <comment>error message; %1 is the HTTP status</comment>
        <translation>服务拒绝了请求（HTTP %1）。</translation>
    </message>
    <message>
        <source>unexpected answer</source>
        <comment>technical detail: the body is not the expected JSON</comment>
        <translation>响应格式异常</translation>
    </message>
    <message>
        <source>job failed</source>
        <comment>technical detail</comment>
        <translation>任务失败</translation>
    </message>
    <message>
        <source>timed out</source>
        <comment>technical detail</comment>
        <translation>超时</translation>
    </message>
    <message>
        <source>code: %1</source>
        <comment>technical detail</comment>
        <translation>错误码：%1</translation>
    </message>
    <message>
        <source>type: %1</source>
        <comment>technical detail</comment>
        <translation>类型：%1</translation>
    </message>
    <message>
        <source>param: %1</source>
        <comment>technical detail</comment>
        <translation>参数：%1</translation>
    </message>
    <message>
        <source>request id: %1</source>
        <comment>technical detail</comment>
        <translation>请求 ID：%1</translation>
    </message>
    <message>
        <source>retry after: %1 ms</source>
        <comment>technical detail</comment>
        <translation>重试等待：%1 毫秒</translation>
    </message>
</context>
<context>
    <name>ConnectionTestResult</name>
    <message>
        <source>Connected</source>
        <comment>connection test outcome</comment>
        <translation>连接成功</translation>
    </message>
    <message>
        <source>API key rejected</source>
        <comment>connection test outcome</comment>
        <translation>API 密钥被拒绝</translation>
    </message>
    <message>
        <source>No video API at this address</source>
        <comment>connection test outcome</comment>
        <translation>此地址没有视频 API</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <comment>connection test outcome: HTTP 429</comment>
        <translation>请求过于频繁</translation>
    </message>
    <message>
        <source>Server error</source>
        <comment>connection test outcome</comment>
        <translation>服务器出错</translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <comment>connection test outcome</comment>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>Server not found</source>
        <comment>connection test outcome: DNS failure</comment>
        <translation>找不到服务器</translation>
    </message>
    <message>
        <source>Secure connection failed</source>
        <comment>connection test outcome: TLS/certificate problem</comment>
        <translation>安全连接失败</translation>
    </message>
    <message>
        <source>No answer</source>
        <comment>connection test outcome: timed out</comment>
        <translation>无响应</translation>
    </message>
    <message>
        <source>Proxy problem</source>
        <comment>connection test outcome</comment>
        <translation>代理出错</translation>
    </message>
    <message>
        <source>Invalid address</source>
        <comment>connection test outcome</comment>
        <translation>地址无效</translation>
    </message>
    <message>
        <source>The video API answers at this address. You can start remixing.</source>
        <comment>connection test result</comment>
        <translation>此地址的视频 API 响应正常，可以开始改编了。</translation>
    </message>
    <message>
        <source>The service refused the API key (HTTP %1). Check that the key is complete and belongs to this service, and that it may use the video API.</source>
        <comment>connection test result; %1 is 401 or 403</comment>
        <translation>服务拒绝了此 API 密钥（HTTP %1）。请检查密钥是否完整、是否属于此服务，以及是否有权使用视频 API。</translation>
    </message>
    <message>
        <source>This address redirects to %1. Enter that address instead.</source>
        <comment>connection test result; %1 is a URL</comment>
        <translation>此地址会跳转到 %1，请改为填写该地址。</translation>
    </message>
    <message>
        <source>This address answers, but not with the video API. Check the address, especially the /v1 part at its end, and that this service offers the video API.</source>
        <comment>connection test result; keep &apos;/v1&apos; as it is</comment>
        <translation>此地址有响应，但不是视频 API。请检查地址（尤其是末尾的 /v1），并确认该服务提供视频 API。</translation>
    </message>
    <message>
        <source>The service is busy or your quota is used up (HTTP 429). Wait a little and try again, or check your balance with the provider.</source>
        <comment>connection test result</comment>
        <translation>服务繁忙或额度已用完（HTTP 429）。请稍后重试，或向服务商查询余额。</translation>
    </message>
    <message>
        <source>Something in front of the service refused the request (HTTP 403), for example a firewall or a region block. Try another network or proxy, or ask your provider.</source>
        <comment>connection test result: a 403 page that is not from the API</comment>
        <translation>请求在到达服务之前被拒绝（HTTP 403），例如被防火墙拦截或受地区限制。请换个网络或代理试试，或咨询服务商。</translation>
    </message>
    <message>
        <source>The service has a problem right now (HTTP %1). Try again later; if it persists, ask your provider.</source>
        <comment>connection test result; %1 is a 5xx status</comment>
        <translation>服务暂时出现故障（HTTP %1）。请稍后重试；如果问题持续，请咨询服务商。</translation>
    </message>
    <message>
        <source>Could not connect to the server. Check the address and port, and your internet connection.</source>
        <comment>connection test result</comment>
        <translation>无法连接到服务器。请检查地址和端口，以及网络连接。</translation>
    </message>
    <message>
        <source>The server name could not be found. Check the spelling of the address and your internet connection.</source>
        <comment>connection test result: DNS failure</comment>
        <translation>找不到该服务器域名。请检查地址是否拼写正确，以及网络连接。</translation>
    </message>
    <message>
        <source>The secure connection failed: the server&apos;s certificate is self-signed, so its identity cannot be verified. Check the address, or ask your provider for a valid certificate.</source>
        <comment>connection test result</comment>
        <translation>安全连接失败：服务器使用的是自签名证书，无法验证其身份。请检查地址，或请服务商提供有效的证书。</translation>
    </message>
    <message>
        <source>The secure connection failed: the server&apos;s certificate has expired. Check your computer&apos;s date and time, or ask your provider to renew the certificate.</source>
        <comment>connection test result</comment>
        <translation>安全连接失败：服务器证书已过期。请检查电脑的日期和时间，或请服务商更新证书。</translation>
    </message>
    <message>
        <source>The secure connection failed: the server&apos;s certificate is not valid yet. Check your computer&apos;s date and time.</source>
        <comment>connection test result</comment>
        <translation>安全连接失败：服务器证书尚未生效。请检查电脑的日期和时间。</translation>
    </message>
    <message>
        <source>The secure connection failed: the server&apos;s certificate is for a different host name. Check the address.</source>
        <comment>connection test result</comment>
        <translation>安全连接失败：服务器证书与域名不匹配。请检查地址。</translation>
    </message>
    <message>
        <source>The secure connection failed: the server&apos;s certificate is not issued by a trusted authority. Check the address, or whether a proxy or security program intercepts connections.</source>
        <comment>connection test result</comment>
        <translation>安全连接失败：服务器证书并非由受信任的机构颁发。请检查地址，或检查是否有代理或安全软件拦截了连接。</translation>
    </message>
    <message>
        <source>The secure connection failed: the server&apos;s certificate has been revoked. Ask your provider.</source>
        <comment>connection test result</comment>
        <translation>安全连接失败：服务器证书已被吊销。请咨询服务商。</translation>
    </message>
    <message>
        <source>The secure connection (TLS) to the server failed. Check the address; if you use a proxy or security program, check that it does not intercept connections.</source>
        <comment>connection test result</comment>
        <translation>与服务器的安全连接（TLS）失败。请检查地址；如果使用了代理或安全软件，请确认它没有拦截连接。</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the address and your connection or proxy, then try again.</source>
        <comment>connection test result</comment>
        <translation>服务器响应超时。请检查地址、网络连接或代理，然后重试。</translation>
    </message>
    <message>
        <source>The proxy asks for a user name and password (HTTP 407). Check the proxy settings.</source>
        <comment>connection test result</comment>
        <translation>代理要求提供用户名和密码（HTTP 407）。请检查代理设置。</translation>
    </message>
    <message>
        <source>The proxy could not be used. Check the proxy settings, or whether the proxy program is running.</source>
        <comment>connection test result</comment>
        <translation>无法使用代理。请检查代理设置，或确认代理软件正在运行。</translation>
    </message>
    <message>
        <source>This is not a web address the app can use. Enter the service address, for example https://api.example.com/v1.</source>
        <comment>connection test result; keep the example URL</comment>
        <translation>这不是可用的网址。请填写服务地址，例如 https://api.example.com/v1。</translation>
    </message>
</context>
<context>
    <name>ConnectionTester</name>
    <message>
        <source>not an http(s) address: %1</source>
        <comment>connection test detail</comment>
        <translation>不是 http(s) 地址：%1</translation>
    </message>
</context>
<context>
    <name>DemoService</name>
    <message>
        <source>City street at dusk</source>
        <translation>黄昏的城市街道</translation>
    </message>
    <message>
        <source>Beach at sunrise</source>
        <translation>日出时的海滩</translation>
    </message>
    <message>
        <source>Cat on a windowsill</source>
        <translation>窗台上的猫</translation>
    </message>
    <message>
        <source>Forest in the rain</source>
        <translation>雨中的森林</translation>
    </message>
    <message>
        <source>Demo service (no account, nothing leaves this computer)</source>
        <comment>name of the built-in pretend service</comment>
        <translation>演示服务（无需账号，数据不离开本机）</translation>
    </message>
    <message>
        <source>A pretend video service built into Video Remix, for trying the app without an account or key. It offers a few sample videos to remix, finishes each job within seconds and always returns the same short sample clip. Prompts mentioning blood or violence are rejected, to show what a blocked job looks like. Nothing is sent over the internet.</source>
        <comment>description of the built-in pretend service</comment>
        <translation>内置于视频改编的模拟视频服务，无需账号或密钥即可试用本应用。它提供几个示例视频供改编，每个任务几秒内完成，结果总是同一段简短的示例视频。提到血腥或暴力的提示词会被拒绝，用来演示任务被拦截的样子。不会向互联网发送任何内容。</translation>
    </message>
    <message>
        <source>Demo</source>
        <comment>short badge on anything from the built-in pretend service</comment>
        <translation>演示</translation>
    </message>
</context>
<context>
    <name>DownloadJob</name>
    <message>
        <source>No service address</source>
        <translation>未设置服务地址</translation>
    </message>
    <message>
        <source>The folder cannot be created.</source>
        <translation>无法创建文件夹。</translation>
    </message>
    <message>
        <source>The file arrived incomplete (%1 of %2 bytes).</source>
        <translation>文件下载不完整（仅收到 %1 / %2 字节）。</translation>
    </message>
    <message>
        <source>The download was cancelled.</source>
        <translation>下载已取消。</translation>
    </message>
    <message>
        <source>The server stopped sending the video. Try the download again later.</source>
        <translation>服务器中断了视频传输。请稍后重新下载。</translation>
    </message>
    <message>
        <source>The download failed because of a network problem. Try again later.</source>
        <translation>网络问题导致下载失败。请稍后重试。</translation>
    </message>
    <message>
        <source>The server refused the download.</source>
        <translation>服务器拒绝了下载请求。</translation>
    </message>
    <message>
        <source>The download link has expired. The service keeps finished videos only for a limited time; remix the video again to get a new one.</source>
        <translation>下载链接已过期。服务只在有限时间内保留生成的视频；请重新改编以生成新的视频。</translation>
    </message>
    <message>
        <source>The server did not send a video file.</source>
        <translation>服务器返回的不是视频文件。</translation>
    </message>
    <message>
        <source>The disk is full. Free some space and download again; the part already received is kept.</source>
        <translation>磁盘空间已满。请清理出一些空间后重新下载，已下载的部分会保留。</translation>
    </message>
    <message>
        <source>The video cannot be saved in this folder. Choose another download folder.</source>
        <translation>无法将视频保存到此文件夹。请选择其他下载文件夹。</translation>
    </message>
    <message>
        <source>The disk is full: “%1” could not be written. Free some space and download again; the part already received is kept.</source>
        <translation>磁盘空间已满，无法写入“%1”。请清理出一些空间后重新下载，已下载的部分会保留。</translation>
    </message>
    <message>
        <source>The video cannot be saved in “%1”. Choose another download folder.</source>
        <translation>无法将视频保存到“%1”。请选择其他下载文件夹。</translation>
    </message>
    <message>
        <source>The video cannot be saved in “%1” (%2). Choose another download folder.</source>
        <translation>无法将视频保存到“%1”（%2）。请选择其他下载文件夹。</translation>
    </message>
</context>
<context>
    <name>FileSecretStore</name>
    <message>
        <source>The API key will be saved unencrypted in the file %1. Only your user account can read this file, but anyone who gets access to your account or to a backup of it can read the key and spend your balance. Use this only when no system keychain is available.</source>
        <comment>warning shown before storing the API key in a plain file; %1 is the file path</comment>
        <translation>API 密钥将以未加密的形式保存在文件 %1 中。只有你的系统账户能读取该文件，但任何能进入你的账户或拿到其备份的人，都能读取密钥并消耗你的余额。请仅在没有可用的系统钥匙串时使用此方式。</translation>
    </message>
</context>
<context>
    <name>JobModel</name>
    <message>
        <source>Status “%1”</source>
        <comment>job status: a word the service sent that the app does not know</comment>
        <translation>状态“%1”</translation>
    </message>
    <message>
        <source>%1 · stopped checking</source>
        <comment>job status: %1 is the last known status; polling gave up</comment>
        <translation>%1 · 已停止查询</translation>
    </message>
    <message>
        <source>%1 · retrying</source>
        <comment>job status: %1 is the last known status; the service is not answering</comment>
        <translation>%1 · 重试中</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>job status: state, then the reason</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>progress percentage</comment>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Source video</source>
        <comment>column header: the video that was remixed</comment>
        <translation>源视频</translation>
    </message>
    <message>
        <source>Prompt</source>
        <comment>column header: what to change</comment>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>column header: job status</comment>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <comment>column header</comment>
        <translation>进度</translation>
    </message>
    <message>
        <source>Result video</source>
        <comment>column header: the new video&apos;s id</comment>
        <translation>结果视频</translation>
    </message>
    <message>
        <source>Submitted</source>
        <comment>column header: when the job was sent</comment>
        <translation>提交时间</translation>
    </message>
</context>
<context>
    <name>JobState</name>
    <message>
        <source>Submitting…</source>
        <comment>job status</comment>
        <translation>提交中…</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <comment>job status: the remix request may have reached the service, no answer</comment>
        <translation>未确认</translation>
    </message>
    <message>
        <source>Not sent</source>
        <comment>job status: the service refused the request</comment>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Queued</source>
        <comment>job status</comment>
        <translation>排队中</translation>
    </message>
    <message>
        <source>In progress</source>
        <comment>job status</comment>
        <translation>生成中</translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>job status</comment>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>job status</comment>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>job status</comment>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Expired</source>
        <comment>job status</comment>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Unknown status</source>
        <comment>job status</comment>
        <translation>未知状态</translation>
    </message>
</context>
<context>
    <name>JobStore</name>
    <message>
        <source>Cannot create the folder for the job history (%1). Jobs will not be kept after the app closes. Check that the folder can be written to.</source>
        <translation>无法创建任务历史的文件夹（%1）。关闭应用后，任务将不会保留。请检查该文件夹是否可写入。</translation>
    </message>
    <message>
        <source>The job history cannot be kept at %1 because something else (a folder?) is already there. Jobs will not be kept after the app closes.</source>
        <translation>无法在 %1 保存任务历史，因为该位置已被其他内容（可能是文件夹）占用。关闭应用后，任务将不会保留。</translation>
    </message>
    <message>
        <source>The job history is in use by another Video Remix window (process %1). Switch to that window, or close it and start Video Remix again.</source>
        <translation>任务历史正被另一个视频改编窗口使用（进程 %1）。请切换到那个窗口，或将其关闭后重新启动视频改编。</translation>
    </message>
    <message>
        <source>Cannot lock the job history at %1 (no permission to write in its folder). Jobs will not be kept after the app closes.</source>
        <translation>无法锁定位于 %1 的任务历史（没有该文件夹的写入权限）。关闭应用后，任务将不会保留。</translation>
    </message>
    <message>
        <source>Cannot read the job history at %1: %2.</source>
        <translation>无法读取位于 %1 的任务历史：%2。</translation>
    </message>
    <message>
        <source>The job history at %1 is damaged and cannot be read. It has not been changed. You can set it aside (it is kept under a new name) and start a new, empty history, or quit and restore a backup.</source>
        <translation>位于 %1 的任务历史已损坏，无法读取，文件未做任何改动。你可以将其搁置（改名保留）并新建一份空的任务历史，或退出应用并从备份恢复。</translation>
    </message>
    <message>
        <source>Cannot open the job history at %1 for writing (%2). Jobs will not be kept after the app closes. Check the permissions of the file and the free disk space.</source>
        <translation>无法写入位于 %1 的任务历史（%2）。关闭应用后，任务将不会保留。请检查文件权限和磁盘剩余空间。</translation>
    </message>
    <message>
        <source>The SQLite driver of Qt is missing, so jobs cannot be kept after the app closes. Reinstall Video Remix.</source>
        <translation>缺少 Qt 的 SQLite 驱动，关闭应用后任务将无法保留。请重新安装视频改编。</translation>
    </message>
    <message>
        <source>The job history at %1 is in use by another program. Close it and start Video Remix again.</source>
        <translation>位于 %1 的任务历史正被其他程序使用。请关闭该程序，然后重新启动视频改编。</translation>
    </message>
    <message>
        <source>The file %1 is not a Video Remix job history. It has not been changed. You can set it aside (it is kept under a new name) and start a new, empty history.</source>
        <translation>文件 %1 不是视频改编的任务历史，文件未做任何改动。你可以将其搁置（改名保留）并新建一份空的任务历史。</translation>
    </message>
    <message>
        <source>The job history at %1 was written by a newer version of Video Remix (format %2; this version reads up to format %3). It has not been changed. Update Video Remix to see these jobs.</source>
        <translation>位于 %1 的任务历史来自更高版本的视频改编（格式 %2；当前版本最高支持格式 %3），文件未做任何改动。请更新视频改编以查看这些任务。</translation>
    </message>
    <message>
        <source>The job history at %1 could not be updated to this version of Video Remix (%2). It has been left as it was. Check the free disk space and start Video Remix again.</source>
        <translation>位于 %1 的任务历史无法升级到当前版本的视频改编（%2），已保持原样。请检查磁盘剩余空间，然后重新启动视频改编。</translation>
    </message>
    <message>
        <source>Could not rename the damaged job history %1: %2.</source>
        <translation>无法重命名已损坏的任务历史 %1：%2。</translation>
    </message>
    <message>
        <source>Could not save the job to the history (%1). It stays in the list until the app closes. Check the free disk space.</source>
        <translation>无法将任务保存到任务历史（%1）。在关闭应用前，它仍会显示在列表中。请检查磁盘剩余空间。</translation>
    </message>
    <message>
        <source>Could not remove the job from the history (%1).</source>
        <translation>无法从任务历史中删除该任务（%1）。</translation>
    </message>
    <message>
        <source>Could not read the job history completely (%1).</source>
        <translation>未能完整读取任务历史（%1）。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Video Remix</source>
        <comment>main window title: the app&apos;s name</comment>
        <translation>视频改编</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <comment>menu</comment>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <comment>menu item: open the settings dialog</comment>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <comment>menu item: close the app</comment>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <comment>menu</comment>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Video Remix</source>
        <comment>menu item</comment>
        <translation>关于视频改编(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <comment>menu item</comment>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Set up the video service first: its address is needed to send the remix.</source>
        <comment>status bar message</comment>
        <translation>请先设置视频服务：需要服务地址才能提交改编。</translation>
    </message>
    <message>
        <source>Jobs you start appear here. Select one to see its details.</source>
        <comment>details area while the job list is empty</comment>
        <translation>你发起的改编任务会显示在这里。选中任务即可查看详情。</translation>
    </message>
    <message>
        <source>Select a job to see its details.</source>
        <comment>details area when no job is selected</comment>
        <translation>选中任务即可查看详情。</translation>
    </message>
    <message>
        <source>Source video: %1</source>
        <comment>details: the id of the remixed video</comment>
        <translation>源视频：%1</translation>
    </message>
    <message>
        <source>Result video: %1</source>
        <comment>details: the id of the new video</comment>
        <translation>结果视频：%1</translation>
    </message>
    <message>
        <source>No service configured</source>
        <comment>status bar</comment>
        <translation>未设置服务</translation>
    </message>
    <message>
        <source>Open File › Settings… to enter the address of your video service.</source>
        <comment>status bar tooltip</comment>
        <translation>打开“文件 › 设置…”，填写视频服务的地址。</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <comment>status bar: %1 is the host name of the video service</comment>
        <translation>服务：%1</translation>
    </message>
    <message>
        <source>Copy result video ID</source>
        <comment>job list context menu</comment>
        <translation>复制结果视频 ID</translation>
    </message>
    <message>
        <source>Copy source video ID</source>
        <comment>job list context menu</comment>
        <translation>复制源视频 ID</translation>
    </message>
    <message>
        <source>Copy prompt</source>
        <comment>job list context menu</comment>
        <translation>复制提示词</translation>
    </message>
    <message>
        <source>Copy error details</source>
        <comment>job list context menu</comment>
        <translation>复制错误详情</translation>
    </message>
    <message>
        <source>Remix the result</source>
        <comment>job list context menu: put the new video&apos;s id into the Video ID field</comment>
        <translation>改编结果视频</translation>
    </message>
    <message>
        <source>Check status now</source>
        <comment>job list context menu: poll the job at once</comment>
        <translation>立即查询状态</translation>
    </message>
    <message>
        <source>About Video Remix</source>
        <comment>about dialog title</comment>
        <translation>关于视频改编</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Video Remix&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Paste the id of a video, describe what to change, and the video service makes a new version of it.&lt;/p&gt;</source>
        <comment>about dialog text; %1 is the version</comment>
        <translation>&lt;p&gt;&lt;b&gt;视频改编&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;粘贴视频 ID，描述想要的修改，视频服务就会生成一个新版本。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ProgressDelegate</name>
    <message>
        <source>%1 %</source>
        <comment>progress percentage</comment>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>PromptCheck</name>
    <message>
        <source>Describe the change you want in the prompt.</source>
        <comment>hint under an empty prompt field</comment>
        <translation>请在提示词中描述你想要的修改。</translation>
    </message>
    <message>
        <source>The prompt is too long: %1 characters, the limit is %2.</source>
        <comment>prompt length hint</comment>
        <translation>提示词过长：共 %1 个字符，上限为 %2 个。</translation>
    </message>
</context>
<context>
    <name>RemixForm</name>
    <message>
        <source>%1 / %2</source>
        <comment>prompt length counter: characters used / maximum</comment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Video &amp;ID:</source>
        <comment>label of the field for the id of the video to remix</comment>
        <translation>视频 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>Paste the id of the video to remix, e.g. video_68d7512d07848190b3e45da0ecbebcde</source>
        <comment>placeholder of the video id field</comment>
        <translation>粘贴要改编的视频 ID，例如 video_68d7512d07848190b3e45da0ecbebcde</translation>
    </message>
    <message>
        <source>&amp;Changes:</source>
        <comment>label of the prompt field: what to change in the video</comment>
        <translation>提示词(&amp;C)：</translation>
    </message>
    <message>
        <source>Describe what to change, e.g. “Make the background purple” or “让这个视频背景变成紫色”.</source>
        <comment>placeholder of the prompt field</comment>
        <translation>描述要修改的内容，例如“让这个视频背景变成紫色”或“Make the background purple”。</translation>
    </message>
    <message>
        <source>Remix</source>
        <comment>button: start a remix job</comment>
        <translation>改编</translation>
    </message>
    <message>
        <source>Start a remix job with these changes (%1)</source>
        <comment>tooltip of the Remix button; %1 is the shortcut</comment>
        <translation>按此提示词开始改编任务（%1）</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>System keychain</source>
        <comment>where the API key is stored: the operating system&apos;s password store</comment>
        <translation>系统钥匙串</translation>
    </message>
    <message>
        <source>Only for this session</source>
        <comment>where the API key is stored: in memory, forgotten when the app quits</comment>
        <translation>仅本次运行有效</translation>
    </message>
    <message>
        <source>File on this computer</source>
        <comment>where the API key is stored: a file readable only by the user</comment>
        <translation>本机文件</translation>
    </message>
    <message>
        <source>No API key is stored yet.</source>
        <comment>secret store result</comment>
        <translation>尚未保存 API 密钥。</translation>
    </message>
    <message>
        <source>No system keychain is available on this computer. Keep the key for this session only, or store it in a file readable only by you.</source>
        <comment>secret store result: no keychain service answers (e.g. no Secret Service/KWallet)</comment>
        <translation>此电脑上没有可用的系统钥匙串。你可以只在本次运行期间保留密钥，或将其保存在仅你可读取的文件中。</translation>
    </message>
    <message>
        <source>The API key could not be stored or read. Try again, or choose another place to keep it.</source>
        <comment>secret store result: the keychain or the file refused the operation</comment>
        <translation>无法保存或读取 API 密钥。请重试，或选择其他保存位置。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Enter the address your provider gave you, for example:</source>
        <comment>settings: shown while the service address is empty; an example address follows on the next line</comment>
        <translation>请输入服务商提供的地址，例如：</translation>
    </message>
    <message>
        <source>This is not a usable web address. It should look like this:</source>
        <comment>settings: the service address cannot be used; an example address follows on the next line</comment>
        <translation>这不是可用的网址，格式应类似：</translation>
    </message>
    <message>
        <source>Remix requests go to:</source>
        <comment>settings: the full request address follows on the next line, with {id} as a placeholder</comment>
        <translation>改编请求将发送到：</translation>
    </message>
    <message>
        <source>Warning: this address uses http, not https. Your API key would travel unencrypted. Use https:// if the service supports it.</source>
        <comment>settings: warning under a plain-http service address</comment>
        <translation>警告：此地址使用 http 而非 https，API 密钥将以明文传输。如果服务支持，请使用 https://。</translation>
    </message>
    <message>
        <source>Hide</source>
        <comment>button: mask the API key again</comment>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Show</source>
        <comment>button: reveal the API key</comment>
        <translation>显示</translation>
    </message>
    <message>
        <source>Hide the API key</source>
        <comment>tooltip</comment>
        <translation>隐藏 API 密钥</translation>
    </message>
    <message>
        <source>Show the API key</source>
        <comment>tooltip</comment>
        <translation>显示 API 密钥</translation>
    </message>
    <message>
        <source>Settings</source>
        <comment>settings dialog title</comment>
        <translation>设置</translation>
    </message>
    <message>
        <source>Video Remix sends your remix requests to an OpenAI-compatible video service. Enter the service address (API base URL) and the API key your provider gave you. The address usually ends in /v1, for example %1.</source>
        <comment>settings: intro shown on the first start</comment>
        <translation>视频改编会把改编请求发送到兼容 OpenAI 接口的视频服务。请填写服务商提供的服务地址（API base URL）和 API 密钥。地址通常以 /v1 结尾，例如 %1。</translation>
    </message>
    <message>
        <source>Service &amp;address:</source>
        <comment>settings label: the API base URL</comment>
        <translation>服务地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Set by OPENAI_BASE_URL in the environment; change it there.</source>
        <comment>settings: the address field is read-only because of the environment variable</comment>
        <translation>由环境变量 OPENAI_BASE_URL 设置，如需更改请修改该变量。</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <comment>settings label</comment>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>sk-…</source>
        <comment>placeholder of the API key field</comment>
        <translation>sk-…</translation>
    </message>
    <message>
        <source>Set by OPENAI_API_KEY in the environment; change it there.</source>
        <comment>settings: the key field is read-only because of the environment variable</comment>
        <translation>由环境变量 OPENAI_API_KEY 设置，如需更改请修改该变量。</translation>
    </message>
    <message>
        <source>Check progress &amp;every:</source>
        <comment>settings label: how often running jobs are polled</comment>
        <translation>查询间隔(&amp;E)：</translation>
    </message>
    <message>
        <source> s</source>
        <comment>unit after the poll interval, in seconds; keep the leading space if usual</comment>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How often the app asks the service about running jobs.</source>
        <comment>tooltip of the poll interval</comment>
        <translation>每隔多久向服务查询一次进行中任务的进度。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <comment>settings label: the language of the user interface</comment>
        <translation>语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>VideoIdInput</name>
    <message>
        <source>Enter the ID of the video to remix.</source>
        <comment>hint under the video ID field</comment>
        <translation>请输入要改编的视频 ID。</translation>
    </message>
    <message>
        <source>This is a share link from the Sora app, not an API video ID. Use the ID the API returned (it usually starts with video_ or task_).</source>
        <comment>hint under the video ID field</comment>
        <translation>这是 Sora App 的分享链接，不是 API 视频 ID。请使用 API 返回的 ID（通常以 video_ 或 task_ 开头）。</translation>
    </message>
    <message>
        <source>This is an ID from the Sora app, not an API video ID. Use the ID the API returned (it usually starts with video_ or task_).</source>
        <comment>hint under the video ID field</comment>
        <translation>这是 Sora App 中的 ID，不是 API 视频 ID。请使用 API 返回的 ID（通常以 video_ 或 task_ 开头）。</translation>
    </message>
    <message>
        <source>A video ID has no spaces, line breaks or quotes inside. Paste only the ID (it usually starts with video_ or task_).</source>
        <comment>hint under the video ID field</comment>
        <translation>视频 ID 中不含空格、换行或引号。请只粘贴 ID（通常以 video_ 或 task_ 开头）。</translation>
    </message>
    <message>
        <source>This is too long to be a video ID. Paste only the ID (it usually starts with video_ or task_).</source>
        <comment>hint under the video ID field</comment>
        <translation>内容过长，不是视频 ID。请只粘贴 ID（通常以 video_ 或 task_ 开头）。</translation>
    </message>
    <message>
        <source>This web address contains no video ID. Paste the ID the API returned (it usually starts with video_ or task_).</source>
        <comment>hint under the video ID field</comment>
        <translation>此网址中没有视频 ID。请粘贴 API 返回的 ID（通常以 video_ 或 task_ 开头）。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Remix videos of an OpenAI-compatible video service by prompt.</source>
        <translation>用提示词改编兼容 OpenAI 接口的视频服务上的视频。</translation>
    </message>
    <message>
        <source>User interface language: zh_CN or en (remembered as the choice).</source>
        <translation>界面语言：zh_CN 或 en（会记住此选择）。</translation>
    </message>
    <message>
        <source>Unknown language “%1”; use zh_CN or en.</source>
        <translation>未知语言“%1”，请使用 zh_CN 或 en。</translation>
    </message>
</context>
</TS>
