<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Dashboard</name>
    <message>
        <source>The scs dashboard: a live graph of your stack.</source>
        <translation>Das scs-Dashboard: ein Live-Graph Ihres Stacks.</translation>
    </message>
    <message>
        <source>The stack.yaml to open.</source>
        <translation>Die zu öffnende stack.yaml.</translation>
    </message>
    <message>
        <source>The hosts file to run the stack on.</source>
        <translation>Die Hosts-Datei, auf der der Stack laufen soll.</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE once it is drawn, then quit.</source>
        <translation>Ein Bild des Fensters nach dem Zeichnen in DATEI speichern und beenden.</translation>
    </message>
    <message>
        <source>Quit after MS milliseconds (for tests).</source>
        <translation>Nach MS Millisekunden beenden (für Tests).</translation>
    </message>
    <message>
        <source>disco: %1; using a free port instead</source>
        <translation>disco: %1; stattdessen wird ein freier Port verwendet</translation>
    </message>
    <message>
        <source>Build images on this Docker engine (default: the first host of the stack); the hosts get them from there.</source>
        <translation>Images auf dieser Docker-Engine bauen (Standard: der erste Host des Stacks); die Hosts bekommen sie von dort.</translation>
    </message>
</context>
<context>
    <name>Runtime</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>up</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <source>down</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>wird geladen</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>wird gestartet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>wird gestoppt</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>no health check</source>
        <translation>keine Gesundheitsprüfung</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>ungesund</translation>
    </message>
    <message>
        <source>unresolved</source>
        <translation>nicht aufgelöst</translation>
    </message>
    <message>
        <source>bound</source>
        <translation>gebunden</translation>
    </message>
    <message>
        <source>liveupdate running</source>
        <translation>Liveupdate läuft</translation>
    </message>
    <message>
        <source>liveupdate failed</source>
        <translation>Liveupdate fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>Ui</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>no published endpoints</source>
        <translation>keine veröffentlichten Endpunkte</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>zone %1</source>
        <translation>Zone %1</translation>
    </message>
    <message>
        <source>%1 requires %2: %3</source>
        <translation>%1 benötigt %2: %3</translation>
    </message>
    <message>
        <source>bound to %1:%2</source>
        <translation>gebunden an %1:%2</translation>
    </message>
    <message>
        <source>Volume %1 (%2) at %3
%4</source>
        <translation>Volume %1 (%2) unter %3
%4</translation>
    </message>
    <message>
        <source>%1 is not part of the stack</source>
        <translation>%1 gehört nicht zum Stack</translation>
    </message>
    <message>
        <source>%1 has no Docker container (state: %2); start it first</source>
        <translation>%1 hat keinen Docker-Container (Zustand: %2); starten Sie ihn zuerst</translation>
    </message>
    <message>
        <source>host %1 of %2 is not in the hosts file</source>
        <translation>Host %1 von %2 steht nicht in der Hosts-Datei</translation>
    </message>
</context>
<context>
    <name>Ui::CoreStackController</name>
    <message>
        <source>%1 is a documentation address; not contacted</source>
        <translation type="vanished">%1 ist eine Dokumentationsadresse; wird nicht kontaktiert</translation>
    </message>
    <message>
        <source>Moving %1 needs the container manager, which this build of the dashboard is not connected to yet.</source>
        <translation type="vanished">Um %1 zu verschieben, braucht es den Container-Manager, mit dem diese Version des Dashboards noch nicht verbunden ist.</translation>
    </message>
    <message>
        <source>the container manager is not connected</source>
        <translation type="vanished">der Container-Manager ist nicht verbunden</translation>
    </message>
    <message>
        <source>the container manager is not connected to this build of the dashboard yet</source>
        <translation type="vanished">der Container-Manager ist mit dieser Version des Dashboards noch nicht verbunden</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Bauen</translation>
    </message>
    <message>
        <source>Build %1</source>
        <translation>%1 bauen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>%1 starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stop %1</source>
        <translation>%1 stoppen</translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation>%1 neu starten</translation>
    </message>
    <message>
        <source>Exec in %1</source>
        <translation>Befehl in %1 ausführen</translation>
    </message>
    <message>
        <source>(secret: %1)</source>
        <translation>(geheim: %1)</translation>
    </message>
    <message>
        <source>Open a stack first.</source>
        <translation>Öffnen Sie zuerst einen Stack.</translation>
    </message>
    <message>
        <source>The Compose and Kubernetes exporters are not part of this build yet; the scs bundle is.</source>
        <translation type="vanished">Die Compose- und Kubernetes-Exporter sind in dieser Version noch nicht enthalten; das scs-Bündel schon.</translation>
    </message>
    <message>
        <source>%1 is still running; open the stack again when it has ended (or cancel it)</source>
        <translation>%1 läuft noch; öffnen Sie den Stack erneut, wenn es beendet ist (oder brechen Sie es ab)</translation>
    </message>
    <message>
        <source>%1 started while the stack was opening; open it again when it has ended</source>
        <translation>%1 hat begonnen, während der Stack geöffnet wurde; öffnen Sie ihn erneut, wenn es beendet ist</translation>
    </message>
    <message>
        <source>the hosts %1 have documentation addresses (.example, 192.0.2.x) or unreadable Docker addresses, which the dashboard never contacts; choose a hosts file with reachable hosts to run the stack</source>
        <translation>die Hosts %1 haben Dokumentationsadressen (.example, 192.0.2.x) oder unlesbare Docker-Adressen, die das Dashboard nie kontaktiert; wählen Sie eine Hosts-Datei mit erreichbaren Hosts, um den Stack auszuführen</translation>
    </message>
    <message>
        <source>The hosts file names the disco server %1; the dashboard registers through its own server at %2</source>
        <translation>Die Hosts-Datei nennt den disco-Server %1; das Dashboard registriert über seinen eigenen Server unter %2</translation>
    </message>
    <message>
        <source>Look for running containers</source>
        <translation>Laufende Container suchen</translation>
    </message>
    <message>
        <source>not contacted: %1</source>
        <translation>nicht kontaktiert: %1</translation>
    </message>
    <message>
        <source>This stack is open read-only: %1</source>
        <translation>Dieser Stack ist nur lesend geöffnet: %1</translation>
    </message>
    <message>
        <source>%1 waits until %2 has ended</source>
        <translation>%1 wartet, bis %2 beendet ist</translation>
    </message>
    <message>
        <source>the stack was closed</source>
        <translation>der Stack wurde geschlossen</translation>
    </message>
    <message>
        <source>start %1</source>
        <translation>%1 starten</translation>
    </message>
    <message>
        <source>find the role</source>
        <translation>Rolle finden</translation>
    </message>
    <message>
        <source>the stack has no role &apos;%1&apos;</source>
        <translation>der Stack hat keine Rolle „%1“</translation>
    </message>
    <message>
        <source>image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>stop %1</source>
        <translation>%1 stoppen</translation>
    </message>
    <message>
        <source>%1 does not run in this stack</source>
        <translation>%1 läuft nicht in diesem Stack</translation>
    </message>
    <message>
        <source>stopping it on %1</source>
        <translation>beim Stoppen auf %1</translation>
    </message>
    <message>
        <source>starting it on %1</source>
        <translation>beim Starten auf %1</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>kein Befehl angegeben</translation>
    </message>
    <message>
        <source>Logs of %1</source>
        <translation>Logs von %1</translation>
    </message>
    <message>
        <source>host %1 has no Docker client to read logs from</source>
        <translation>Host %1 hat keinen Docker-Client, um Logs zu lesen</translation>
    </message>
    <message>
        <source>%1 is not part of the stack</source>
        <translation>%1 gehört nicht zum Stack</translation>
    </message>
    <message>
        <source>%1 does not run; start it before moving it</source>
        <translation>%1 läuft nicht; starten Sie es, bevor Sie es verschieben</translation>
    </message>
    <message>
        <source>%1 already runs on %2</source>
        <translation>%1 läuft bereits auf %2</translation>
    </message>
    <message>
        <source>the hosts file has no host &apos;%1&apos;</source>
        <translation>die Hosts-Datei hat keinen Host „%1“</translation>
    </message>
    <message>
        <source>host %1 does not answer</source>
        <translation>Host %1 antwortet nicht</translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation>%1 nach %2 verschieben</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>%1 runs on %2 again</source>
        <translation>%1 läuft wieder auf %2</translation>
    </message>
    <message>
        <source>cancelled before it started</source>
        <translation>abgebrochen, bevor es begann</translation>
    </message>
</context>
<context>
    <name>Ui::CredentialStore</name>
    <message>
        <source>store</source>
        <translation>ablegen</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lesen</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>entfernen</translation>
    </message>
    <message>
        <source>No secret named %1 in the keychain</source>
        <translation>Kein Geheimnis namens %1 im Schlüsselbund</translation>
    </message>
    <message>
        <source>No keychain service is available to %1 %2 (%3). Secrets are never written to the settings file: start a Secret Service such as gnome-keyring or KWallet and unlock it.</source>
        <translation>Kein Schlüsselbund-Dienst verfügbar, um %2 zu %1 (%3). Geheimnisse werden nie in die Einstellungsdatei geschrieben: Starten Sie einen Secret Service wie gnome-keyring oder KWallet und entsperren Sie ihn.</translation>
    </message>
    <message>
        <source>The keychain could not %1 %2: %3</source>
        <translation>Der Schlüsselbund konnte %2 nicht %1: %3</translation>
    </message>
</context>
<context>
    <name>Ui::Dialogs::ExportDialog</name>
    <message>
        <source>Export Stack</source>
        <translation>Stack exportieren</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>Exportformat</translation>
    </message>
    <message>
        <source>Docker Compose (one host)</source>
        <translation>Docker Compose (ein Host)</translation>
    </message>
    <message>
        <source>Kubernetes manifests (cluster)</source>
        <translation>Kubernetes-Manifeste (Cluster)</translation>
    </message>
    <message>
        <source>scs bundle (scs on every host)</source>
        <translation>scs-Bündel (scs auf jedem Host)</translation>
    </message>
    <message>
        <source>Exported files</source>
        <translation>Exportierte Dateien</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Values the operator must supply</source>
        <translation>Werte, die der Betreiber angeben muss</translation>
    </message>
    <message>
        <source>Value the operator must supply</source>
        <translation>Vom Betreiber anzugebender Wert</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>&amp;Save to Folder...</source>
        <translation>In Ordner &amp;speichern...</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Open a stack first.</source>
        <translation>Öffnen Sie zuerst einen Stack.</translation>
    </message>
    <message>
        <source>Cannot create the folder for %1</source>
        <translation>Der Ordner für %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Host of the Compose file</source>
        <translation>Host der Compose-Datei</translation>
    </message>
    <message>
        <source>Compose runs one host: every role on one machine, or the roles the hosts file places on one host</source>
        <translation>Compose betreibt einen Host: alle Rollen auf einer Maschine, oder die Rollen, die die Hosts-Datei auf einen Host legt</translation>
    </message>
    <message>
        <source>Every role on one machine</source>
        <translation>Alle Rollen auf einer Maschine</translation>
    </message>
    <message>
        <source>Roles placed on %1</source>
        <translation>Rollen auf %1</translation>
    </message>
    <message>
        <source>Where it goes</source>
        <translation>Wohin es gehört</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
</context>
<context>
    <name>Ui::Dialogs::HostsDialog</name>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>Hostname</translation>
    </message>
    <message>
        <source>Connection kind</source>
        <translation>Verbindungsart</translation>
    </message>
    <message>
        <source>Unix socket</source>
        <translation>Unix-Socket</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>TCP + TLS</source>
        <translation>TCP + TLS</translation>
    </message>
    <message>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <source>Docker endpoint</source>
        <translation>Docker-Endpunkt</translation>
    </message>
    <message>
        <source>Published address</source>
        <translation>Veröffentlichte Adresse</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>Client certificate file</source>
        <translation>Client-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>Client key file</source>
        <translation>Client-Schlüsseldatei</translation>
    </message>
    <message>
        <source>read once and stored in the keychain</source>
        <translation>wird einmal gelesen und im Schlüsselbund abgelegt</translation>
    </message>
    <message>
        <source>SSH key passphrase</source>
        <translation>Passphrase des SSH-Schlüssels</translation>
    </message>
    <message>
        <source>unchanged (kept in the keychain)</source>
        <translation>unverändert (im Schlüsselbund abgelegt)</translation>
    </message>
    <message>
        <source>AWS access key ID</source>
        <translation>AWS-Zugriffsschlüssel-ID</translation>
    </message>
    <message>
        <source>AWS secret access key</source>
        <translation>Geheimer AWS-Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>AWS region</source>
        <translation>AWS-Region</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>Choose the client key file</source>
        <translation>Die Client-Schlüsseldatei auswählen</translation>
    </message>
    <message>
        <source>Client Key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpunkt:</translation>
    </message>
    <message>
        <source>Published &amp;address:</source>
        <translation>Veröffentlichte &amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <translation>&amp;Zone:</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>CA-Zertifikat:</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Client-Zertifikat:</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Client-Schlüssel:</translation>
    </message>
    <message>
        <source>SSH &amp;passphrase:</source>
        <translation>SSH-&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Cloud credentials (AWS)</source>
        <translation>Cloud-Zugangsdaten (AWS)</translation>
    </message>
    <message>
        <source>Access key ID:</source>
        <translation>Zugriffsschlüssel-ID:</translation>
    </message>
    <message>
        <source>Secret access key:</source>
        <translation>Geheimer Zugriffsschlüssel:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>host-%1</source>
        <translation>host-%1</translation>
    </message>
    <message>
        <source>The stack runs on the hosts in %1; the hosts here are the engines and credentials the dashboard can reach.</source>
        <translation>Der Stack läuft auf den Hosts in %1; die Hosts hier sind die Engines und Zugangsdaten, die das Dashboard erreichen kann.</translation>
    </message>
    <message>
        <source>Cannot read the client key %1: %2</source>
        <translation>Der Client-Schlüssel %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Testing %1 (%2)...</source>
        <translation>%1 (%2) wird getestet...</translation>
    </message>
    <message>
        <source>%1 answers: Docker %2</source>
        <translation>%1 antwortet: Docker %2</translation>
    </message>
    <message>
        <source>%1 does not answer: %2</source>
        <translation>%1 antwortet nicht: %2</translation>
    </message>
    <message>
        <source>Every host needs a unique name (%1).</source>
        <translation>Jeder Host braucht einen eindeutigen Namen (%1).</translation>
    </message>
    <message numerus="yes">
        <source>Storing %n secret(s) in the keychain...</source>
        <translation>
            <numerusform>%n Geheimnis wird im Schlüsselbund abgelegt...</numerusform>
            <numerusform>%n Geheimnisse werden im Schlüsselbund abgelegt...</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write a temporary key file: %1</source>
        <translation>Eine temporäre Schlüsseldatei kann nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>Ui::Dialogs::MovePlanDialog</name>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message>
        <source>&lt;p&gt;Move &lt;b&gt;%1&lt;/b&gt; from &lt;b&gt;%2&lt;/b&gt; to &lt;b&gt;%3&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Expected downtime: &lt;b&gt;%4&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; von &lt;b&gt;%2&lt;/b&gt; nach &lt;b&gt;%3&lt;/b&gt; verschieben.&lt;/p&gt;&lt;p&gt;Erwartete Ausfallzeit: &lt;b&gt;%4&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Steps of the move</source>
        <translation>Schritte der Verschiebung</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Transfer image</source>
        <translation>Image übertragen</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 nach %2</translation>
    </message>
    <message>
        <source>Stop on source</source>
        <translation>Auf der Quelle stoppen</translation>
    </message>
    <message>
        <source>%1 holds a volume that attaches to one host only</source>
        <translation>%1 hält ein Volume, das nur an einen Host angebunden werden kann</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Attach volume</source>
        <translation>Volume anbinden</translation>
    </message>
    <message>
        <source>Create volume</source>
        <translation>Volume anlegen</translation>
    </message>
    <message>
        <source>Copy volume</source>
        <translation>Volume kopieren</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Health gate</source>
        <translation>Gesundheitsprüfung</translation>
    </message>
    <message numerus="yes">
        <source>wait until healthy, at most %n second(s)</source>
        <translation>
            <numerusform>warten bis gesund, höchstens %n Sekunde</numerusform>
            <numerusform>warten bis gesund, höchstens %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Update dependents</source>
        <translation>Abhängige aktualisieren</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>Ui::DiscoveryFeed</name>
    <message>
        <source>add</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>entfernt</translation>
    </message>
</context>
<context>
    <name>Ui::ImageSupply</name>
    <message>
        <source>cancelled before it started</source>
        <translation>abgebrochen, bevor es begann</translation>
    </message>
    <message>
        <source>no build engine is set: open a stack with a hosts file, or name one with --build-docker</source>
        <translation>keine Build-Engine gesetzt: öffnen Sie einen Stack mit Hosts-Datei oder nennen Sie eine mit --build-docker</translation>
    </message>
    <message>
        <source>up to date on %1</source>
        <translation>aktuell auf %1</translation>
    </message>
    <message>
        <source>building on %1 (%2 of %3)</source>
        <translation>wird auf %1 gebaut (%2 von %3)</translation>
    </message>
    <message>
        <source>built %1 in %2 s</source>
        <translation>%1 in %2 s gebaut</translation>
    </message>
    <message>
        <source>the build was cancelled</source>
        <translation>der Build wurde abgebrochen</translation>
    </message>
    <message>
        <source>image %1: host %2 went away before the image reached it</source>
        <translation>Image %1: Host %2 verschwand, bevor das Image ihn erreichte</translation>
    </message>
    <message>
        <source>carrying to %1 (save/load)</source>
        <translation>wird nach %1 übertragen (save/load)</translation>
    </message>
    <message>
        <source>carrying image %1 from %2 to %3</source>
        <translation>beim Übertragen von Image %1 von %2 nach %3</translation>
    </message>
    <message>
        <source>now on %1</source>
        <translation>jetzt auf %1</translation>
    </message>
</context>
<context>
    <name>Ui::MainWindow</name>
    <message>
        <source>scs dashboard</source>
        <translation>scs-Dashboard</translation>
    </message>
    <message>
        <source>Stack graph</source>
        <translation>Stack-Graph</translation>
    </message>
    <message>
        <source>Hosts with their containers, volumes and service links. Drag a container onto another host to move it.</source>
        <translation>Hosts mit ihren Containern, Volumes und Dienstverbindungen. Ziehen Sie einen Container auf einen anderen Host, um ihn zu verschieben.</translation>
    </message>
    <message>
        <source>No stack open</source>
        <translation>Kein Stack geöffnet</translation>
    </message>
    <message>
        <source>disco: not running</source>
        <translation>disco: läuft nicht</translation>
    </message>
    <message>
        <source>&amp;Open Stack...</source>
        <translation>Stack ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>Choose &amp;Hosts File...</source>
        <translation>&amp;Hosts-Datei wählen...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>&amp;Bauen</translation>
    </message>
    <message>
        <source>Build the images of the stack that are missing</source>
        <translation>Die fehlenden Images des Stacks bauen</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Start every role of the stack</source>
        <translation>Alle Rollen des Stacks starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>Stop every role of the stack</source>
        <translation>Alle Rollen des Stacks stoppen</translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>&amp;Exportieren...</translation>
    </message>
    <message>
        <source>Export the stack for production</source>
        <translation>Den Stack für die Produktion exportieren</translation>
    </message>
    <message>
        <source>&amp;Hosts...</source>
        <translation>&amp;Hosts...</translation>
    </message>
    <message>
        <source>Add, edit and test Docker hosts and their credentials</source>
        <translation>Docker-Hosts und ihre Zugangsdaten hinzufügen, bearbeiten und testen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>Auto &amp;Layout</source>
        <translation>Automatisch &amp;anordnen</translation>
    </message>
    <message>
        <source>&amp;About scs</source>
        <translation>&amp;Über scs</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Bauen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stack</source>
        <translation>Stack</translation>
    </message>
    <message>
        <source>Stack actions</source>
        <translation>Stack-Aktionen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Stack</source>
        <translation>&amp;Stack</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>Dem &amp;System folgen</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>Discovery timeline</source>
        <translation>Discovery-Zeitleiste</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>Discovery</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Vorgänge</translation>
    </message>
    <message>
        <source>Loaded stack %1</source>
        <translation>Stack %1 geladen</translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation>%1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Could not load the stack: %1</source>
        <translation>Der Stack konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: erledigt</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>exec in %1 exited with %2</source>
        <translation>Befehl in %1 endete mit %2</translation>
    </message>
    <message>
        <source>Stack: %1</source>
        <translation>Stack: %1</translation>
    </message>
    <message>
        <source>Stack: %1 (hosts: %2)</source>
        <translation>Stack: %1 (Hosts: %2)</translation>
    </message>
    <message>
        <source>%1 - scs dashboard</source>
        <translation>%1 – scs-Dashboard</translation>
    </message>
    <message>
        <source>Opened stack %1</source>
        <translation>Stack %1 geöffnet</translation>
    </message>
    <message>
        <source>disco: %1</source>
        <translation>disco: %1</translation>
    </message>
    <message>
        <source>Whole Stack</source>
        <translation>Ganzer Stack</translation>
    </message>
    <message>
        <source>%1/%2 hosts up, %3/%4 containers running</source>
        <translation>%1/%2 Hosts erreichbar, %3/%4 Container laufen</translation>
    </message>
    <message>
        <source>Open Stack</source>
        <translation>Stack öffnen</translation>
    </message>
    <message>
        <source>Stack files (*.yaml *.yml)</source>
        <translation>Stack-Dateien (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Choose Hosts File</source>
        <translation>Hosts-Datei wählen</translation>
    </message>
    <message>
        <source>Hosts files (*.yaml *.yml)</source>
        <translation>Hosts-Dateien (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>About scs</source>
        <translation>Über scs</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;scs %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Run the same containerised stack on a laptop as in production, and move services between hosts without re-wiring them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;scs %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Derselbe Container-Stack auf dem Laptop wie in der Produktion, und Dienste ziehen zwischen Hosts um, ohne neu verdrahtet zu werden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cannot move %1: no container manager is connected</source>
        <translation>%1 kann nicht verschoben werden: kein Container-Manager verbunden</translation>
    </message>
    <message>
        <source>Cannot Move</source>
        <translation>Verschieben nicht möglich</translation>
    </message>
    <message>
        <source>%1 cannot move to %2.</source>
        <translation>%1 kann nicht nach %2 verschoben werden.</translation>
    </message>
    <message>
        <source>Moving %1 to %2</source>
        <translation>%1 wird nach %2 verschoben</translation>
    </message>
    <message>
        <source>Moved %1 to %2 (unavailable for %3)</source>
        <translation>%1 nach %2 verschoben (nicht erreichbar für %3)</translation>
    </message>
    <message>
        <source>Moved %1</source>
        <translation>%1 verschoben</translation>
    </message>
    <message>
        <source>Move of %1 cancelled</source>
        <translation>Verschieben von %1 abgebrochen</translation>
    </message>
    <message>
        <source>Move of %1 failed: %2</source>
        <translation>Verschieben von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Move Failed</source>
        <translation>Verschieben fehlgeschlagen</translation>
    </message>
    <message>
        <source>Moving %1 failed: %2</source>
        <translation>Verschieben von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Rolled back: %1</source>
        <translation>Zurückgerollt: %1</translation>
    </message>
    <message>
        <source>Exec in %1</source>
        <translation>Befehl in %1 ausführen</translation>
    </message>
    <message>
        <source>Command (split at spaces):</source>
        <translation>Befehl (an Leerzeichen getrennt):</translation>
    </message>
</context>
<context>
    <name>Ui::Models::ContainerTableModel</name>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Gesundheit</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
</context>
<context>
    <name>Ui::Models::DiscoveryTimelineModel</name>
    <message>
        <source>add</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>notify</source>
        <translation>benachrichtigt</translation>
    </message>
    <message>
        <source>ack</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>join</source>
        <translation>angemeldet</translation>
    </message>
    <message>
        <source>leave</source>
        <translation>abgemeldet</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Subscriber</source>
        <translation>Abonnent</translation>
    </message>
    <message>
        <source>Ack latency</source>
        <translation>Bestätigungslatenz</translation>
    </message>
    <message>
        <source>require</source>
        <translation>angefordert</translation>
    </message>
    <message>
        <source>The endpoints came in the answer to the requirement: there is no notification to acknowledge.</source>
        <translation>Die Endpunkte kamen mit der Antwort auf die Anforderung: Es gibt keine Benachrichtigung zu bestätigen.</translation>
    </message>
    <message>
        <source>in the answer</source>
        <translation>in der Antwort</translation>
    </message>
</context>
<context>
    <name>Ui::Widgets::DetailsPanel</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Ebene</translation>
    </message>
    <message>
        <source>Compiled configuration</source>
        <translation>Kompilierte Konfiguration</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>Anforderung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Bound to</source>
        <translation>Gebunden an</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>Anforderungen</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>&amp;Logs</source>
        <translation>&amp;Protokolle</translation>
    </message>
    <message>
        <source>Follow the logs of this container</source>
        <translation>Den Protokollen dieses Containers folgen</translation>
    </message>
    <message>
        <source>E&amp;xec...</source>
        <translation>Aus&amp;führen...</translation>
    </message>
    <message>
        <source>Run a command in this container</source>
        <translation>Einen Befehl in diesem Container ausführen</translation>
    </message>
    <message>
        <source>Res&amp;tart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <source>Restart this container</source>
        <translation>Diesen Container neu starten</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <source>Select a container in the graph to see its details.</source>
        <translation>Wählen Sie einen Container im Graphen aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Role: %1
Host: %2
Image: %3
State: %4
Health: %5
Ports: %6</source>
        <translation>Rolle: %1
Host: %2
Image: %3
Zustand: %4
Gesundheit: %5
Ports: %6</translation>
    </message>
    <message>
        <source>(not built)</source>
        <translation>(nicht gebaut)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Activity: %1</source>
        <translation>Aktivität: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>(unbound)</source>
        <translation>(nicht gebunden)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>liveupdate %1</source>
        <translation>Liveupdate %1</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>Exit-Code %1</translation>
    </message>
</context>
<context>
    <name>Ui::Widgets::LogView</name>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>&amp;Timestamps</source>
        <translation>&amp;Zeitstempel</translation>
    </message>
    <message>
        <source>Followed containers</source>
        <translation>Verfolgte Container</translation>
    </message>
    <message>
        <source>Search the logs</source>
        <translation>Die Protokolle durchsuchen</translation>
    </message>
    <message>
        <source>Search...</source>
        <translation>Suchen...</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
</context>
<context>
    <name>Ui::Widgets::ProgressPanel</name>
    <message>
        <source>Running operations</source>
        <translation>Laufende Vorgänge</translation>
    </message>
    <message>
        <source>Build output</source>
        <translation>Build-Ausgabe</translation>
    </message>
    <message>
        <source>Build output appears here.</source>
        <translation>Die Build-Ausgabe erscheint hier.</translation>
    </message>
    <message>
        <source>Progress of %1</source>
        <translation>Fortschritt von %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>%1 abbrechen</translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation>%1 nach %2 verschieben</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>wird gestartet</translation>
    </message>
    <message>
        <source>cancelling...</source>
        <translation>wird abgebrochen...</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message>
        <source>Moved: now %1. Unavailable for %2. Dependents updated: %3.</source>
        <translation>Verschoben: jetzt %1. Nicht erreichbar für %2. Aktualisierte Abhängige: %3.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Rolled back: %1.</source>
        <translation>Zurückgerollt: %1.</translation>
    </message>
    <message>
        <source>Build %1</source>
        <translation>%1 bauen</translation>
    </message>
    <message>
        <source>building</source>
        <translation>wird gebaut</translation>
    </message>
    <message>
        <source>built</source>
        <translation>gebaut</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
</context>
</TS>
