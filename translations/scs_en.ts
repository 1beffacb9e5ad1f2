<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Dashboard</name>
    <message>
        <source>The scs dashboard: a live graph of your stack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stack.yaml to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hosts file to run the stack on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE once it is drawn, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit after MS milliseconds (for tests).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disco: %1; using a free port instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build images on this Docker engine (default: the first host of the stack); the hosts get them from there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Runtime</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no health check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unresolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>liveupdate running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>liveupdate failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui</name>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no published endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zone %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requires %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bound to %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume %1 (%2) at %3
%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not part of the stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no Docker container (state: %2); start it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host %1 of %2 is not in the hosts file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::CoreStackController</name>
    <message>
        <source>Build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exec in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(secret: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a stack first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is still running; open the stack again when it has ended (or cancel it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 started while the stack was opening; open it again when it has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the hosts %1 have documentation addresses (.example, 192.0.2.x) or unreadable Docker addresses, which the dashboard never contacts; choose a hosts file with reachable hosts to run the stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hosts file names the disco server %1; the dashboard registers through its own server at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for running containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not contacted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This stack is open read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waits until %2 has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stack was closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>find the role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stack has no role &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not run in this stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopping it on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting it on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no command given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host %1 has no Docker client to read logs from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not part of the stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not run; start it before moving it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already runs on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the hosts file has no host &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host %1 does not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs on %2 again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled before it started</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::CredentialStore</name>
    <message>
        <source>store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret named %1 in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service is available to %1 %2 (%3). Secrets are never written to the settings file: start a Secret Service such as gnome-keyring or KWallet and unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not %1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::Dialogs::ExportDialog</name>
    <message>
        <source>Export Stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker Compose (one host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubernetes manifests (cluster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scs bundle (scs on every host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values the operator must supply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value the operator must supply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save to Folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a stack first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host of the Compose file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compose runs one host: every role on one machine, or the roles the hosts file places on one host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every role on one machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles placed on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where it goes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::Dialogs::HostsDialog</name>
    <message>
        <source>&amp;Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unix socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP + TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read once and stored in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH key passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged (kept in the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS access key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS secret access key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the client key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH &amp;passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud credentials (AWS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access key ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret access key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host-%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stack runs on the hosts in %1; the hosts here are the engines and credentials the dashboard can reach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the client key %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing %1 (%2)...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers: Docker %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not answer: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every host needs a unique name (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Storing %n secret(s) in the keychain...</source>
        <translation>
            <numerusform>Storing %n secret in the keychain...</numerusform>
            <numerusform>Storing %n secrets in the keychain...</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write a temporary key file: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::Dialogs::MovePlanDialog</name>
    <message>
        <source>Move %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Move &lt;b&gt;%1&lt;/b&gt; from &lt;b&gt;%2&lt;/b&gt; to &lt;b&gt;%3&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Expected downtime: &lt;b&gt;%4&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps of the move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop on source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a volume that attaches to one host only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>wait until healthy, at most %n second(s)</source>
        <translation>
            <numerusform>wait until healthy, at most %n second</numerusform>
            <numerusform>wait until healthy, at most %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>Update dependents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::DiscoveryFeed</name>
    <message>
        <source>add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::ImageSupply</name>
    <message>
        <source>cancelled before it started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no build engine is set: open a stack with a hosts file, or name one with --build-docker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up to date on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>building on %1 (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built %1 in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the build was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image %1: host %2 went away before the image reached it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>carrying to %1 (save/load)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>carrying image %1 from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::MainWindow</name>
    <message>
        <source>scs dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stack graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosts with their containers, volumes and service links. Drag a container onto another host to move it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stack open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disco: not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Stack...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &amp;Hosts File...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the images of the stack that are missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start every role of the stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop every role of the stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the stack for production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hosts...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add, edit and test Docker hosts and their credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto &amp;Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About scs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stack actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovery timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded stack %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the stack: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exec in %1 exited with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stack: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stack: %1 (hosts: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 - scs dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened stack %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disco: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole Stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 hosts up, %3/%4 containers running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stack files (*.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Hosts File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosts files (*.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About scs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;scs %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Run the same containerised stack on a laptop as in production, and move services between hosts without re-wiring them.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move %1: no container manager is connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot move to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved %1 to %2 (unavailable for %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move of %1 cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exec in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command (split at spaces):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::Models::ContainerTableModel</name>
    <message>
        <source>%1 (%2%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::Models::DiscoveryTimelineModel</name>
    <message>
        <source>add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ack latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>require</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoints came in the answer to the requirement: there is no notification to acknowledge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::Widgets::DetailsPanel</name>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compiled configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bound to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the logs of this container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xec...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a command in this container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;tart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart this container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a container in the graph to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role: %1
Host: %2
Image: %3
State: %4
Health: %5
Ports: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not built)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unbound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>liveupdate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::Widgets::LogView</name>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timestamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Followed containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ui::Widgets::ProgressPanel</name>
    <message>
        <source>Running operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build output appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelling...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved: now %1. Unavailable for %2. Dependents updated: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled back: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
