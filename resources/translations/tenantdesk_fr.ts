<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AddKandjiTenantWizard</name>
    <message>
        <source>Local test server (a sandbox on this machine)</source>
        <translation>Serveur de test local (un bac à sable sur cette machine)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Edit Kandji / Iru Tenant</source>
        <translation>Modifier le locataire Kandji / Iru</translation>
    </message>
    <message>
        <source>Add Kandji / Iru Tenant</source>
        <translation>Ajouter un locataire Kandji / Iru</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored token</source>
        <translation>Laisser vide pour garder le jeton enregistré</translation>
    </message>
    <message>
        <source>Kandji / Iru API</source>
        <translation>API Kandji / Iru</translation>
    </message>
    <message>
        <source>The API URL and an API token from Settings › Access in the Kandji web app.</source>
        <translation>L’URL de l’API et un jeton d’API créé dans Settings › Access de l’application web Kandji.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>API URL:</source>
        <translation>URL de l’API :</translation>
    </message>
    <message>
        <source>API token:</source>
        <translation>Jeton d’API :</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test…</translation>
    </message>
    <message>
        <source>The token was refused: %1</source>
        <translation>Le jeton a été refusé : %1</translation>
    </message>
    <message>
        <source>Connected: the token may read %1.</source>
        <translation>Connecté : le jeton peut lire %1.</translation>
    </message>
    <message>
        <source>Connected, with warnings: %1</source>
        <translation>Connecté, avec des avertissements : %1</translation>
    </message>
    <message>
        <source>The token could not be stored: %1</source>
        <translation>Le jeton n’a pas pu être enregistré : %1</translation>
    </message>
</context>
<context>
    <name>AddKintoTenantController</name>
    <message>
        <source>Enter the server&apos;s URL, e.g. https://kinto.example.com/v1.</source>
        <translation>Saisissez l’URL du serveur, p. ex. https://kinto.example.com/v1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http:// or https:// URL with a host name.</source>
        <translation>« %1 » n’est pas une URL http:// ou https:// avec un nom d’hôte.</translation>
    </message>
    <message>
        <source>Leave credentials out of the URL: the wizard asks for them and keeps them in the keychain.</source>
        <translation>Ne mettez pas les identifiants dans l’URL : l’assistant les demande et les garde dans le trousseau.</translation>
    </message>
    <message>
        <source>The server URL takes no query (?…) or fragment (#…).</source>
        <translation>L’URL du serveur ne prend ni requête (?…) ni fragment (#…).</translation>
    </message>
    <message>
        <source>Cannot read the stored secret: %1</source>
        <translation>Impossible de lire le secret enregistré : %1</translation>
    </message>
    <message>
        <source>The server did not accept the credentials: %1</source>
        <translation>Le serveur n’a pas accepté les identifiants : %1</translation>
    </message>
    <message>
        <source>Cannot check the server: %1</source>
        <translation>Impossible de vérifier le serveur : %1</translation>
    </message>
    <message>
        <source>This does not look like a Kinto server (no http_api_version in its answer).</source>
        <translation>Ceci ne ressemble pas à un serveur Kinto (pas de http_api_version dans sa réponse).</translation>
    </message>
    <message>
        <source>The server did not accept the credentials (credentials not accepted: it answered as to an anonymous user). Check the user name and password or token.</source>
        <translation>Le serveur n’a pas accepté les identifiants (il a répondu comme à un utilisateur anonyme). Vérifiez le nom d’utilisateur et le mot de passe ou le jeton.</translation>
    </message>
    <message>
        <source>Kinto %1, HTTP API %2, signed in as %3.</source>
        <translation>Kinto %1, API HTTP %2, connecté en tant que %3.</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonyme</translation>
    </message>
    <message>
        <source>The server was not checked.</source>
        <translation>Le serveur n’a pas été vérifié.</translation>
    </message>
    <message>
        <source>%1 (the tenant was added without its secret and could not be removed again: remove it, or enter the secret when connecting)</source>
        <translation>%1 (le locataire a été ajouté sans son secret et n’a pas pu être retiré : supprimez-le, ou saisissez le secret à la connexion)</translation>
    </message>
</context>
<context>
    <name>AddKintoTenantWizard</name>
    <message>
        <source>Add Kinto Tenant</source>
        <translation>Ajouter un locataire Kinto</translation>
    </message>
    <message numerus="yes">
        <source>%n bucket(s) readable with these credentials.</source>
        <translation>
            <numerusform>%n bucket lisible avec ces identifiants.</numerusform>
            <numerusform>%n buckets lisibles avec ces identifiants.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot list the buckets: %1</source>
        <translation>Impossible de lister les buckets : %1</translation>
    </message>
    <message>
        <source>Edit Kinto Tenant</source>
        <translation>Modifier le locataire Kinto</translation>
    </message>
    <message>
        <source>unchanged (kept in the keychain)</source>
        <translation>inchangé (conservé dans le trousseau)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>The address of the Kinto server, with or without the /v1 prefix.</source>
        <translation>L’adresse du serveur Kinto, avec ou sans le préfixe /v1.</translation>
    </message>
    <message>
        <source>defaults to the host name</source>
        <translation>par défaut, le nom d’hôte</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>How TenantDesk signs in to this server.</source>
        <translation>Comment TenantDesk se connecte à ce serveur.</translation>
    </message>
    <message>
        <source>&amp;None (anonymous)</source>
        <translation>&amp;Aucune (anonyme)</translation>
    </message>
    <message>
        <source>&amp;Accounts (user name and password, Basic auth)</source>
        <translation>&amp;Comptes (nom d’utilisateur et mot de passe, authentification Basic)</translation>
    </message>
    <message>
        <source>&amp;Token (Authorization: &lt;type&gt; &lt;token&gt;, e.g. OpenID Connect)</source>
        <translation>&amp;Jeton (Authorization: &lt;type&gt; &lt;jeton&gt;, p. ex. OpenID Connect)</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in the settings file.</source>
        <translation>Conservés dans le trousseau du système, jamais dans le fichier de réglages.</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <source>T&amp;ype word:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>&amp;Password or token:</source>
        <translation>Mot de &amp;passe ou jeton :</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>What the server says about itself and about you.</source>
        <translation>Ce que le serveur dit de lui-même et de vous.</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Capabilities:</source>
        <translation>Capacités :</translation>
    </message>
    <message>
        <source>Default bucket</source>
        <translation>Bucket par défaut</translation>
    </message>
    <message>
        <source>The bucket shown first for this tenant (optional).</source>
        <translation>Le bucket affiché en premier pour ce locataire (facultatif).</translation>
    </message>
    <message>
        <source>&amp;Bucket:</source>
        <translation>&amp;Bucket :</translation>
    </message>
    <message>
        <source>Listing the buckets…</source>
        <translation>Liste des buckets…</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Vérification de %1…</translation>
    </message>
    <message>
        <source>Project version: %1
HTTP API version: %2
User: %3</source>
        <translation>Version du projet : %1
Version de l’API HTTP : %2
Utilisateur : %3</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(anonyme)</translation>
    </message>
    <message>
        <source>The tenant was not saved: %1</source>
        <translation>Le locataire n’a pas été enregistré : %1</translation>
    </message>
    <message>
        <source>The tenant was not added: %1</source>
        <translation>Le locataire n’a pas été ajouté : %1</translation>
    </message>
</context>
<context>
    <name>ApiKeyAuth</name>
    <message>
        <source>API key in header %1 (set)</source>
        <translation>Clé d’API dans l’en-tête %1 (définie)</translation>
    </message>
    <message>
        <source>API key in query item %1 (set)</source>
        <translation>Clé d’API dans le paramètre de requête %1 (définie)</translation>
    </message>
</context>
<context>
    <name>AttachmentPanel</name>
    <message>
        <source>Upload…</source>
        <translation>Téléverser…</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Télécharger…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Taille :</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256 :</translation>
    </message>
    <message>
        <source>The record does not exist yet: uploading a file creates it.</source>
        <translation>L’enregistrement n’existe pas encore : téléverser un fichier le crée.</translation>
    </message>
    <message>
        <source>Could not read the record: %1</source>
        <translation>Impossible de lire l’enregistrement : %1</translation>
    </message>
    <message>
        <source>(no attachment)</source>
        <translation>(pas de pièce jointe)</translation>
    </message>
    <message>
        <source>Upload an attachment</source>
        <translation>Téléverser une pièce jointe</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;.</source>
        <translation>Impossible de lire « %1 ».</translation>
    </message>
    <message>
        <source>Uploading %1 (%2)…</source>
        <translation>Téléversement de %1 (%2)…</translation>
    </message>
    <message>
        <source>Upload of %1 cancelled.</source>
        <translation>Téléversement de %1 annulé.</translation>
    </message>
    <message>
        <source>Could not upload %1: %2</source>
        <translation>Impossible de téléverser %1 : %2</translation>
    </message>
    <message>
        <source>%1 uploaded.</source>
        <translation>%1 téléversé.</translation>
    </message>
    <message>
        <source>Save the attachment</source>
        <translation>Enregistrer la pièce jointe</translation>
    </message>
    <message>
        <source>Downloading to %1…</source>
        <translation>Téléchargement vers %1…</translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>Téléchargement annulé.</translation>
    </message>
    <message>
        <source>Could not download: %1</source>
        <translation>Impossible de télécharger : %1</translation>
    </message>
    <message>
        <source>Saved to %1 (SHA-256 checked).</source>
        <translation>Enregistré dans %1 (SHA-256 vérifié).</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Retirer la pièce jointe</translation>
    </message>
    <message>
        <source>Remove the attachment %1 from record %2?</source>
        <translation>Retirer la pièce jointe %1 de l’enregistrement %2 ?</translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>Retrait de %1…</translation>
    </message>
    <message>
        <source>Could not remove %1: %2</source>
        <translation>Impossible de retirer %1 : %2</translation>
    </message>
    <message>
        <source>%1 removed.</source>
        <translation>%1 retiré.</translation>
    </message>
    <message>
        <source>(no preview)</source>
        <translation>(pas d’aperçu)</translation>
    </message>
    <message>
        <source>Loading preview…</source>
        <translation>Chargement de l’aperçu…</translation>
    </message>
    <message>
        <source>(preview unavailable)</source>
        <translation>(aperçu indisponible)</translation>
    </message>
    <message>
        <source>(not a readable image)</source>
        <translation>(pas une image lisible)</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 pixels</translation>
    </message>
</context>
<context>
    <name>BucketDialog</name>
    <message>
        <source>bucket</source>
        <translation>bucket</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>non envoyé</translation>
    </message>
    <message numerus="yes">
        <source>Bulk edit %n record(s)</source>
        <translation>
            <numerusform>Modification groupée de %n enregistrement</numerusform>
            <numerusform>Modification groupée de %n enregistrements</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete selected</source>
        <translation>Supprimer la sélection</translation>
    </message>
    <message>
        <source>Set field</source>
        <translation>Définir un champ</translation>
    </message>
    <message>
        <source>field, or a dotted path such as address.city</source>
        <translation>champ, ou chemin pointé comme address.city</translation>
    </message>
    <message>
        <source>JSON (42, true, null, {&quot;a&quot;:1}, &quot;text&quot;) or plain text</source>
        <translation>JSON (42, true, null, {&quot;a&quot;:1}, &quot;texte&quot;) ou texte brut</translation>
    </message>
    <message>
        <source>&amp;Operation:</source>
        <translation>&amp;Opération :</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Champ :</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Valeur :</translation>
    </message>
    <message>
        <source>&amp;Preview requests</source>
        <translation>&amp;Prévisualiser les requêtes</translation>
    </message>
    <message>
        <source>Preview lists the exact requests before anything is sent.</source>
        <translation>L’aperçu liste les requêtes exactes avant tout envoi.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Cancel &amp;run</source>
        <translation>Annuler l’&amp;exécution</translation>
    </message>
    <message>
        <source>Name the field to set (a dotted path such as address.city).</source>
        <translation>Nommez le champ à définir (un chemin pointé comme address.city).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is managed by the server and cannot be set.</source>
        <translation>« %1 » est géré par le serveur et ne peut pas être défini.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s), sent as POST /batch (one transaction per chunk of the server&apos;s batch_max_requests):</source>
        <translation>
            <numerusform>%n requête, envoyée en POST /batch (une transaction par lot de batch_max_requests du serveur) :</numerusform>
            <numerusform>%n requêtes, envoyées en POST /batch (une transaction par lot de batch_max_requests du serveur) :</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>%1 of %2 succeeded, %3 did not.</source>
        <translation>%1 sur %2 réussies, %3 non.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Send %n request(s)</source>
        <translation>
            <numerusform>&amp;Envoyer %n requête</numerusform>
            <numerusform>&amp;Envoyer %n requêtes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkJob</name>
    <message>
        <source>The Kinto client is gone.</source>
        <translation>Le client Kinto n’existe plus.</translation>
    </message>
    <message>
        <source>Not sent: an earlier batch failed.</source>
        <translation>Non envoyé : un lot précédent a échoué.</translation>
    </message>
    <message>
        <source>Cancelled while being sent: may or may not have been applied.</source>
        <translation>Annulé pendant l’envoi : peut avoir été appliqué ou non.</translation>
    </message>
    <message>
        <source>Not sent: cancelled.</source>
        <translation>Non envoyé : annulé.</translation>
    </message>
</context>
<context>
    <name>CollectionDialog</name>
    <message>
        <source>A JSON schema the records must follow, e.g. {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {&quot;title&quot;: {&quot;type&quot;: &quot;string&quot;}}}; empty for none</source>
        <translation>Un schéma JSON que les enregistrements doivent suivre, p. ex. {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {&quot;title&quot;: {&quot;type&quot;: &quot;string&quot;}}} ; vide pour aucun</translation>
    </message>
    <message>
        <source>A field shown as a column of the record list, e.g. title</source>
        <translation>Un champ affiché comme colonne de la liste des enregistrements, p. ex. title</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Non défini</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>JSON &amp;schema:</source>
        <translation>&amp;Schéma JSON :</translation>
    </message>
    <message>
        <source>&amp;Display fields:</source>
        <translation>Champs &amp;affichés :</translation>
    </message>
    <message>
        <source>S&amp;ort:</source>
        <translation>T&amp;ri :</translation>
    </message>
    <message>
        <source>&amp;Cache expires:</source>
        <translation>Expiration du &amp;cache :</translation>
    </message>
    <message>
        <source>collection</source>
        <translation>collection</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schéma</translation>
    </message>
    <message>
        <source>Sort is a comma-separated list of fields, each optionally preceded by &quot;-&quot;, without spaces.</source>
        <translation>Le tri est une liste de champs séparés par des virgules, chacun éventuellement précédé de « - », sans espaces.</translation>
    </message>
</context>
<context>
    <name>CollectionView</name>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Load the records again from the server (%1)</source>
        <translation>Recharger les enregistrements depuis le serveur (%1)</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtres</translation>
    </message>
    <message>
        <source>Show the filter bar (filters run on the server)</source>
        <translation>Afficher la barre de filtres (les filtres s’exécutent sur le serveur)</translation>
    </message>
    <message>
        <source>Search the loaded rows</source>
        <translation>Rechercher dans les lignes chargées</translation>
    </message>
    <message>
        <source>Filters (%1)</source>
        <translation>Filtres (%1)</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Showing %1 of %2 records (%3 loaded rows searched)</source>
        <translation>%1 enregistrements affichés sur %2 (%3 lignes chargées parcourues)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Showing %1 of %2 records</source>
        <translation>%1 enregistrements affichés sur %2</translation>
    </message>
    <message>
        <source> — loading failed: %1. Scroll down to try again, or Reload.</source>
        <translation> — échec du chargement : %1. Faites défiler vers le bas pour réessayer, ou Recharger.</translation>
    </message>
</context>
<context>
    <name>CollectionWorkspace</name>
    <message>
        <source>Attachment</source>
        <translation>Pièce jointe</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Bulk edit…</source>
        <translation>Modification groupée…</translation>
    </message>
    <message>
        <source>Record permissions…</source>
        <translation>Permissions de l’enregistrement…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Copy to tenant…</source>
        <translation>Copier vers un locataire…</translation>
    </message>
    <message>
        <source>Collection permissions…</source>
        <translation>Permissions de la collection…</translation>
    </message>
    <message>
        <source>Show the selected record&apos;s attachment, to upload, download or remove it</source>
        <translation>Afficher la pièce jointe de l’enregistrement sélectionné, pour la téléverser, la télécharger ou la retirer</translation>
    </message>
    <message>
        <source>Record not saved</source>
        <translation>Enregistrement non sauvegardé</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <source>Columns…</source>
        <translation>Colonnes…</translation>
    </message>
    <message>
        <source>Choose the columns shown</source>
        <translation>Choisir les colonnes affichées</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Add field… (e.g. address.city)</source>
        <translation>Ajouter un champ… (p. ex. address.city)</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>(absent)</source>
        <translation>(absent)</translation>
    </message>
    <message>
        <source>Changed on the server</source>
        <translation>Modifié sur le serveur</translation>
    </message>
    <message>
        <source>This record was deleted on the server after you opened it. Overwrite re-creates it with your version.</source>
        <translation>Cet enregistrement a été supprimé sur le serveur après que vous l’avez ouvert. Écraser le recrée avec votre version.</translation>
    </message>
    <message>
        <source>Someone changed this record on the server after you opened it. Differing fields are highlighted: reload the server&apos;s version, overwrite it with yours, or pick a side per field and save the merge.</source>
        <translation>Quelqu’un a modifié cet enregistrement sur le serveur après que vous l’avez ouvert. Les champs différents sont surlignés : rechargez la version du serveur, écrasez-la avec la vôtre, ou choisissez un côté par champ et enregistrez la fusion.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Le mien</translation>
    </message>
    <message>
        <source>Theirs (server)</source>
        <translation>Le leur (serveur)</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>same</source>
        <translation>identique</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Le leur</translation>
    </message>
    <message>
        <source>Reload theirs</source>
        <translation>Recharger le leur</translation>
    </message>
    <message>
        <source>Take the server&apos;s version into the editor; your changes are dropped.</source>
        <translation>Reprendre la version du serveur dans l’éditeur ; vos modifications sont abandonnées.</translation>
    </message>
    <message>
        <source>Overwrite with mine</source>
        <translation>Écraser avec le mien</translation>
    </message>
    <message>
        <source>Save your version over the server&apos;s.</source>
        <translation>Enregistrer votre version par-dessus celle du serveur.</translation>
    </message>
    <message>
        <source>Save merge</source>
        <translation>Enregistrer la fusion</translation>
    </message>
    <message>
        <source>Save the server&apos;s version with the fields marked &quot;Mine&quot; taken from yours.</source>
        <translation>Enregistrer la version du serveur avec les champs marqués « Le mien » repris des vôtres.</translation>
    </message>
</context>
<context>
    <name>CopyCollectionDialog</name>
    <message>
        <source>Copy collection %1/%2</source>
        <translation>Copier la collection %1/%2</translation>
    </message>
    <message>
        <source>&amp;Target tenant:</source>
        <translation>Locataire &amp;cible :</translation>
    </message>
    <message>
        <source>&amp;Bucket:</source>
        <translation>&amp;Bucket :</translation>
    </message>
    <message>
        <source>C&amp;ollection:</source>
        <translation>C&amp;ollection :</translation>
    </message>
    <message>
        <source>%v of %m records</source>
        <translation>%v enregistrements sur %m</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Cancel co&amp;py</source>
        <translation>Annuler la co&amp;pie</translation>
    </message>
    <message>
        <source>The target is the source itself: choose another tenant, bucket or collection id.</source>
        <translation>La cible est la source elle-même : choisissez un autre locataire, bucket ou identifiant de collection.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n record(s).</source>
        <translation>
            <numerusform>Annulé après %n enregistrement.</numerusform>
            <numerusform>Annulé après %n enregistrements.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy incomplete: %1</source>
        <translation>Copie incomplète : %1</translation>
    </message>
    <message numerus="yes">
        <source>Copied: attributes, permissions and %n record(s).</source>
        <translation>
            <numerusform>Copié : attributs, permissions et %n enregistrement.</numerusform>
            <numerusform>Copié : attributs, permissions et %n enregistrements.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CopyCollectionJob</name>
    <message>
        <source>The Kinto client is gone.</source>
        <translation>Le client Kinto n’existe plus.</translation>
    </message>
    <message>
        <source>Bucket and collection ids start with a letter or digit and contain only letters, digits, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>Les identifiants de bucket et de collection commencent par une lettre ou un chiffre et ne contiennent que des lettres, des chiffres, « - » et « _ ».</translation>
    </message>
    <message>
        <source>Reading the source collection…</source>
        <translation>Lecture de la collection source…</translation>
    </message>
    <message>
        <source>Reading the source collection</source>
        <translation>Lecture de la collection source</translation>
    </message>
    <message>
        <source>Reading the source records…</source>
        <translation>Lecture des enregistrements source…</translation>
    </message>
    <message>
        <source>Reading the source records</source>
        <translation>Lecture des enregistrements source</translation>
    </message>
    <message>
        <source>Creating the target bucket…</source>
        <translation>Création du bucket cible…</translation>
    </message>
    <message>
        <source>Creating the target bucket</source>
        <translation>Création du bucket cible</translation>
    </message>
    <message>
        <source>Creating the target collection…</source>
        <translation>Création de la collection cible…</translation>
    </message>
    <message>
        <source>The collection %1/%2 already exists on the target: choose another id.</source>
        <translation>La collection %1/%2 existe déjà sur la cible : choisissez un autre identifiant.</translation>
    </message>
    <message>
        <source>Creating the target collection</source>
        <translation>Création de la collection cible</translation>
    </message>
    <message>
        <source>Copying records…</source>
        <translation>Copie des enregistrements…</translation>
    </message>
    <message>
        <source>Copying records</source>
        <translation>Copie des enregistrements</translation>
    </message>
    <message>
        <source>%1 of %2 records were not copied.</source>
        <translation>%1 enregistrements sur %2 n’ont pas été copiés.</translation>
    </message>
</context>
<context>
    <name>DeleteDialog</name>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;This permanently deletes %1, and everything it contains, from the server.&lt;/p&gt;&lt;p&gt;Type &lt;b&gt;%2&lt;/b&gt; to confirm.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ceci supprime définitivement %1, et tout ce qu’il contient, du serveur.&lt;/p&gt;&lt;p&gt;Tapez &lt;b&gt;%2&lt;/b&gt; pour confirmer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>It was changed on the server since it was loaded. Press Delete again to delete the newer version, or Cancel.</source>
        <translation>L’objet a été modifié sur le serveur depuis son chargement. Appuyez de nouveau sur Supprimer pour supprimer la version la plus récente, ou sur Annuler.</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <source>Only differences</source>
        <translation>Différences seulement</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Gauche</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Droite</translation>
    </message>
    <message>
        <source>Select two versions of the same object to compare them.</source>
        <translation>Sélectionnez deux versions du même objet pour les comparer.</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(manquant)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>The two versions are identical.</source>
        <translation>Les deux versions sont identiques.</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) differ.</source>
        <translation>
            <numerusform>%n champ diffère.</numerusform>
            <numerusform>%n champs diffèrent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditorBase</name>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Discard the unsaved changes?</source>
        <translation>Abandonner les modifications non enregistrées ?</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export records of %1/%2</source>
        <translation>Exporter les enregistrements de %1/%2</translation>
    </message>
    <message>
        <source>&amp;All records</source>
        <translation>&amp;Tous les enregistrements</translation>
    </message>
    <message numerus="yes">
        <source>Only the &amp;filtered ones (%n filter(s))</source>
        <translation>
            <numerusform>Seulement les &amp;filtrés (%n filtre)</numerusform>
            <numerusform>Seulement les &amp;filtrés (%n filtres)</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>every top-level field</source>
        <translation>chaque champ de premier niveau</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat :</translation>
    </message>
    <message>
        <source>CSV &amp;columns:</source>
        <translation>&amp;Colonnes CSV :</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier :</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>Cancel e&amp;xport</source>
        <translation>Annuler l’e&amp;xport</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>%1 of %2 records read…</source>
        <translation>%1 enregistrements lus sur %2…</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>Annulé : aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Échec de l’export : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) written to %1.</source>
        <translation>
            <numerusform>%n enregistrement écrit dans %1.</numerusform>
            <numerusform>%n enregistrements écrits dans %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>equals</source>
        <translation>égal à</translation>
    </message>
    <message>
        <source>greater than or equal to</source>
        <translation>supérieur ou égal à</translation>
    </message>
    <message>
        <source>less than or equal to</source>
        <translation>inférieur ou égal à</translation>
    </message>
    <message>
        <source>less than</source>
        <translation>inférieur à</translation>
    </message>
    <message>
        <source>greater than</source>
        <translation>supérieur à</translation>
    </message>
    <message>
        <source>not equal to</source>
        <translation>différent de</translation>
    </message>
    <message>
        <source>one of a comma-separated list</source>
        <translation>l’un d’une liste séparée par des virgules</translation>
    </message>
    <message>
        <source>none of a comma-separated list</source>
        <translation>aucun d’une liste séparée par des virgules</translation>
    </message>
    <message>
        <source>matches a pattern with * wildcards</source>
        <translation>correspond à un motif avec des jokers *</translation>
    </message>
    <message>
        <source>the field is present (true) or absent (false)</source>
        <translation>le champ est présent (true) ou absent (false)</translation>
    </message>
    <message>
        <source>the array holds every listed value</source>
        <translation>le tableau contient chaque valeur listée</translation>
    </message>
    <message>
        <source>the array holds any listed value</source>
        <translation>le tableau contient l’une des valeurs listées</translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation>Ajouter une condition</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Field (dotted paths allowed, e.g. address.city)</source>
        <translation>Champ (chemins pointés permis, p. ex. address.city)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>Retirer cette condition</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>account:alice, system.Authenticated, /buckets/%1/groups/…</source>
        <translation>account:alice, system.Authenticated, /buckets/%1/groups/…</translation>
    </message>
    <message>
        <source>&amp;Members:</source>
        <translation>&amp;Membres :</translation>
    </message>
    <message>
        <source>group</source>
        <translation>groupe</translation>
    </message>
    <message>
        <source>The member &quot;%1&quot; contains a space: a principal is written like account:alice.</source>
        <translation>Le membre « %1 » contient une espace : un principal s’écrit comme account:alice.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>(anonymous)</source>
        <translation>(anonyme)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Revert to this version…</source>
        <translation>Revenir à cette version…</translation>
    </message>
    <message>
        <source>Purge…</source>
        <translation>Purger…</translation>
    </message>
    <message>
        <source>All resources</source>
        <translation>Toutes les ressources</translation>
    </message>
    <message>
        <source>account:alice, or with * wildcards</source>
        <translation>account:alice, ou avec des jokers *</translation>
    </message>
    <message>
        <source>/buckets/b/collections/c, or with * wildcards</source>
        <translation>/buckets/b/collections/c, ou avec des jokers *</translation>
    </message>
    <message>
        <source>Write the selected version back to its object (a safe write: a change made meanwhile is not overwritten)</source>
        <translation>Réécrire la version sélectionnée dans son objet (écriture sûre : une modification faite entre-temps n’est pas écrasée)</translation>
    </message>
    <message>
        <source>Delete the history entries matching the current filters</source>
        <translation>Supprimer les entrées d’historique correspondant aux filtres actuels</translation>
    </message>
    <message>
        <source>Resource:</source>
        <translation>Ressource :</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <source>Object:</source>
        <translation>Objet :</translation>
    </message>
    <message>
        <source>Choose a bucket to see its history.</source>
        <translation>Choisissez un bucket pour voir son historique.</translation>
    </message>
    <message>
        <source>Could not load the history: %1</source>
        <translation>Impossible de charger l’historique : %1</translation>
    </message>
    <message>
        <source>Checking whether the server keeps a history…</source>
        <translation>Vérification de la tenue d’un historique par le serveur…</translation>
    </message>
    <message>
        <source>Could not read the server&apos;s capabilities: %1</source>
        <translation>Impossible de lire les capacités du serveur : %1</translation>
    </message>
    <message>
        <source>The history plugin is not enabled on this server.

Kinto records changes only with kinto.plugins.history in its includes (the server reports no &quot;history&quot; capability).</source>
        <translation>Le greffon d’historique n’est pas activé sur ce serveur.

Kinto n’enregistre les modifications qu’avec kinto.plugins.history dans ses includes (le serveur n’annonce pas la capacité « history »).</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Chargement de l’historique…</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s).</source>
        <translation>
            <numerusform>%n modification.</numerusform>
            <numerusform>%n modifications.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) loaded; scroll for more.</source>
        <translation>
            <numerusform>%n modification chargée ; faites défiler pour en voir plus.</numerusform>
            <numerusform>%n modifications chargées ; faites défiler pour en voir plus.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot revert %1: the newest version shown has no timestamp to check against.</source>
        <translation>Impossible de rétablir %1 : la version la plus récente affichée n’a pas d’horodatage de référence.</translation>
    </message>
    <message>
        <source>%1 was deleted. Re-create it from its version of %2?</source>
        <translation>%1 a été supprimé. Le recréer à partir de sa version du %2 ?</translation>
    </message>
    <message>
        <source>Write the version of %2 back to %1?

If someone changed it after the newest change shown here, nothing is written.</source>
        <translation>Réécrire la version du %2 dans %1 ?

Si quelqu’un l’a modifié après la plus récente modification affichée ici, rien n’est écrit.</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Reverting %1…</source>
        <translation>Rétablissement de %1…</translation>
    </message>
    <message>
        <source>%1 was changed by someone else after the newest version shown here, so it was not reverted (HTTP 412, nothing was written). Refresh the history to see that change, then revert again if you still want to.</source>
        <translation>%1 a été modifié par quelqu’un d’autre après la version la plus récente affichée ici ; il n’a donc pas été rétabli (HTTP 412, rien n’a été écrit). Actualisez l’historique pour voir cette modification, puis rétablissez de nouveau si vous le souhaitez toujours.</translation>
    </message>
    <message>
        <source>Could not revert %1: %2</source>
        <translation>Impossible de rétablir %1 : %2</translation>
    </message>
    <message>
        <source>%1 reverted to its version of %2.</source>
        <translation>%1 rétabli à sa version du %2.</translation>
    </message>
    <message>
        <source>resource %1</source>
        <translation>ressource %1</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>depuis %1</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>utilisateur %1</translation>
    </message>
    <message>
        <source>object %1</source>
        <translation>objet %1</translation>
    </message>
    <message>
        <source>ALL history entries</source>
        <translation>TOUTES les entrées d’historique</translation>
    </message>
    <message>
        <source>the history entries matching: %1</source>
        <translation>les entrées d’historique correspondant à : %1</translation>
    </message>
    <message>
        <source>Purge history</source>
        <translation>Purger l’historique</translation>
    </message>
    <message>
        <source>Delete %1 of bucket %2?

This cannot be undone.</source>
        <translation>Supprimer %1 du bucket %2 ?

Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Purging…</source>
        <translation>Purge…</translation>
    </message>
    <message>
        <source>Could not purge the history: %1</source>
        <translation>Impossible de purger l’historique : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n history entrie(s) purged.</source>
        <translation>
            <numerusform>%n entrée d’historique purgée.</numerusform>
            <numerusform>%n entrées d’historique purgées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>The number of concurrent requests must be at least 1 (got %1).</source>
        <translation>Le nombre de requêtes simultanées doit être au moins 1 (reçu %1).</translation>
    </message>
    <message>
        <source>Malformed URL &quot;%1&quot;: an http:// or https:// address with a host name is needed.</source>
        <translation>URL mal formée « %1 » : une adresse http:// ou https:// avec un nom d’hôte est nécessaire.</translation>
    </message>
    <message>
        <source>Not sent: the server asked to pause requests (%1) for another %2 s, past this request&apos;s deadline of %3 s.</source>
        <translation>Non envoyé : le serveur a demandé de suspendre les requêtes (%1) encore %2 s, au-delà de l’échéance de cette requête (%3 s).</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: %2</source>
        <translation>Impossible d’écrire « %1 » : %2</translation>
    </message>
    <message>
        <source>The response is larger than the limit of %1 MiB (at least %2 MiB); it was not read.</source>
        <translation>La réponse dépasse la limite de %1 Mio (au moins %2 Mio) ; elle n’a pas été lue.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate (SHA-256 %1) is not the pinned one (%2), even though it is otherwise valid; nothing was sent.</source>
        <translation>Le certificat du serveur (SHA-256 %1) n’est pas celui épinglé (%2), bien qu’il soit par ailleurs valide ; rien n’a été envoyé.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not the pinned one (%1).</source>
        <translation>Le certificat du serveur n’est pas celui épinglé (%1).</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was not accepted: %1</source>
        <translation>Le certificat du serveur n’a pas été accepté : %1</translation>
    </message>
    <message>
        <source>No data from the server for %1 s (transfer timeout).</source>
        <translation>Aucune donnée du serveur depuis %1 s (délai de transfert dépassé).</translation>
    </message>
    <message>
        <source>The connection broke before the whole answer arrived: %1</source>
        <translation>La connexion a été rompue avant l’arrivée de la réponse complète : %1</translation>
    </message>
    <message>
        <source>The server closed the connection without answering.</source>
        <translation>Le serveur a fermé la connexion sans répondre.</translation>
    </message>
    <message>
        <source>The server redirected the request to %1; this request is never re-sent elsewhere.</source>
        <translation>Le serveur a redirigé la requête vers %1 ; cette requête n’est jamais renvoyée ailleurs.</translation>
    </message>
    <message>
        <source>The server redirected to an address that is not http(s); not followed.</source>
        <translation>Le serveur a redirigé vers une adresse qui n’est pas http(s) ; redirection non suivie.</translation>
    </message>
    <message>
        <source>The server redirected a %1 with a body to another server (%2); the body was not sent there.</source>
        <translation>Le serveur a redirigé un %1 avec corps vers un autre serveur (%2) ; le corps n’y a pas été envoyé.</translation>
    </message>
    <message>
        <source>Too many redirects.</source>
        <translation>Trop de redirections.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;</source>
        <translation>Impossible d’écrire « %1 »</translation>
    </message>
    <message>
        <source>The download was cut short: %1 of %2 bytes arrived.</source>
        <translation>Le téléchargement a été interrompu : %1 octets reçus sur %2.</translation>
    </message>
    <message>
        <source>The server sent invalid JSON (%1).</source>
        <translation>Le serveur a envoyé du JSON invalide (%1).</translation>
    </message>
    <message>
        <source>The response took longer than %1 s (request deadline).</source>
        <translation>La réponse a pris plus de %1 s (échéance de la requête).</translation>
    </message>
    <message numerus="yes">
        <source> (gave up after %n retries)</source>
        <translation>
            <numerusform> (abandon après %n nouvelle tentative)</numerusform>
            <numerusform> (abandon après %n nouvelles tentatives)</numerusform>
        </translation>
    </message>
    <message>
        <source> (a retry in %1 s would pass the request deadline)</source>
        <translation> (une nouvelle tentative dans %1 s dépasserait l’échéance de la requête)</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: %2</source>
        <translation>Impossible de lire « %1 » : %2</translation>
    </message>
    <message>
        <source>The download&apos;s integrity check failed: SHA-256 %1, expected %2; the file was not kept.</source>
        <translation>La vérification d’intégrité du téléchargement a échoué : SHA-256 %1, attendu %2 ; le fichier n’a pas été conservé.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import records into %1/%2</source>
        <translation>Importer des enregistrements dans %1/%2</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>From the file name</source>
        <translation>D’après le nom du fichier</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Charger</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier :</translation>
    </message>
    <message>
        <source>Rows that were not created are listed here with the server&apos;s message.</source>
        <translation>Les lignes qui n’ont pas été créées sont listées ici avec le message du serveur.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Cancel i&amp;mport</source>
        <translation>Annuler l’i&amp;mport</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>Importer depuis</translation>
    </message>
    <message>
        <source>Records (*.csv *.json);;All files (*)</source>
        <translation>Enregistrements (*.csv *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>Cannot import %1: it is larger than %2 MiB, the limit for an import.</source>
        <translation>Impossible d’importer %1 : il dépasse %2 Mio, la limite d’un import.</translation>
    </message>
    <message>
        <source>Cannot import %1: %2</source>
        <translation>Impossible d’importer %1 : %2</translation>
    </message>
    <message>
        <source>%1 record(s) read, %2 invalid (they will not be sent); columns: %3.%4</source>
        <translation>%1 enregistrement(s) lu(s), %2 invalide(s) (ils ne seront pas envoyés) ; colonnes : %3.%4</translation>
    </message>
    <message>
        <source> Showing the first %1.</source>
        <translation> Affichage des %1 premiers.</translation>
    </message>
    <message>
        <source>Cannot import: %1</source>
        <translation>Impossible d’importer : %1</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n record(s)…</source>
        <translation>
            <numerusform>Import de %n enregistrement…</numerusform>
            <numerusform>Import de %n enregistrements…</numerusform>
        </translation>
    </message>
    <message>
        <source>a record with this id already exists (%1)</source>
        <translation>un enregistrement avec cet identifiant existe déjà (%1)</translation>
    </message>
    <message>
        <source> (id %1)</source>
        <translation> (identifiant %1)</translation>
    </message>
    <message>
        <source>Row %1%2: %3</source>
        <translation>Ligne %1%2 : %3</translation>
    </message>
    <message>
        <source>%1 created, %2 not created.</source>
        <translation>%1 créé(s), %2 non créé(s).</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>invalide</translation>
    </message>
    <message>
        <source>created</source>
        <translation>créé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>non envoyé</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
</context>
<context>
    <name>JamfApiClient</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Client id and secret</source>
        <translation>Identifiant et secret client</translation>
    </message>
    <message>
        <source>No secret yet (Rotate secret makes one)</source>
        <translation>Pas encore de secret (Renouveler le secret en crée un)</translation>
    </message>
    <message>
        <source>Native app (OAuth)</source>
        <translation>Application native (OAuth)</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 heures</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 minute</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 minutes</translation>
    </message>
</context>
<context>
    <name>JamfClient</name>
    <message>
        <source>Missing privilege %1 (needed for %2 %3): add it to a role of this account or API client in Jamf Pro.%4</source>
        <translation>Privilège %1 manquant (nécessaire pour %2 %3) : ajoutez-le à un rôle de ce compte ou de ce client d’API dans Jamf Pro.%4</translation>
    </message>
    <message>
        <source>This API role is still assigned to an API client: remove it from every client (or delete those clients) first.%1</source>
        <translation>Ce rôle d’API est encore attribué à un client d’API : retirez-le d’abord de chaque client (ou supprimez ces clients).%1</translation>
    </message>
    <message>
        <source>An API role id is needed.</source>
        <translation>Un identifiant de rôle d’API est nécessaire.</translation>
    </message>
    <message>
        <source>An API role needs a display name.</source>
        <translation>Un rôle d’API a besoin d’un nom d’affichage.</translation>
    </message>
    <message>
        <source>Replacing an API role needs its id and a display name.</source>
        <translation>Remplacer un rôle d’API nécessite son identifiant et un nom d’affichage.</translation>
    </message>
    <message>
        <source>The API role &quot;%1&quot; is used by the API client %2: remove the role from that client, or delete the client, first.</source>
        <translation>Le rôle d’API « %1 » est utilisé par le client d’API %2 : retirez d’abord le rôle de ce client, ou supprimez le client.</translation>
    </message>
    <message>
        <source>The API role &quot;%1&quot; is used by the API clients %2: remove the role from those clients, or delete them, first.</source>
        <translation>Le rôle d’API « %1 » est utilisé par les clients d’API %2 : retirez d’abord le rôle de ces clients, ou supprimez-les.</translation>
    </message>
    <message>
        <source>Jamf Pro&apos;s privilege list has no &quot;privileges&quot; array.</source>
        <translation>La liste des privilèges de Jamf Pro n’a pas de tableau « privileges ».</translation>
    </message>
    <message>
        <source>An API client id is a positive number.</source>
        <translation>Un identifiant de client d’API est un nombre positif.</translation>
    </message>
    <message>
        <source>An API client needs a display name.</source>
        <translation>Un client d’API a besoin d’un nom d’affichage.</translation>
    </message>
    <message>
        <source>Replacing an API client needs its id and a display name.</source>
        <translation>Remplacer un client d’API nécessite son identifiant et un nom d’affichage.</translation>
    </message>
</context>
<context>
    <name>JamfClientAuth</name>
    <message>
        <source>Jamf Pro&apos;s token answer has no access_token or no expires_in.</source>
        <translation>La réponse de jeton de Jamf Pro n’a pas d’access_token ou pas d’expires_in.</translation>
    </message>
    <message>
        <source>Jamf Pro refused API client &quot;%1&quot; (%2): check the client id and secret (a rotated secret replaces the old one), and that the client is enabled.</source>
        <translation>Jamf Pro a refusé le client d’API « %1 » (%2) : vérifiez l’identifiant et le secret du client (un secret renouvelé remplace l’ancien), et que le client est activé.</translation>
    </message>
</context>
<context>
    <name>JamfClientEditor</name>
    <message>
        <source>API client %1</source>
        <translation>Client d’API %1</translation>
    </message>
    <message>
        <source>New API client</source>
        <translation>Nouveau client d’API</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>Nom d’&amp;affichage :</translation>
    </message>
    <message>
        <source>&amp;Roles:</source>
        <translation>&amp;Rôles :</translation>
    </message>
    <message>
        <source>Other (seconds)</source>
        <translation>Autre (secondes)</translation>
    </message>
    <message>
        <source>Token &amp;lifetime:</source>
        <translation>&amp;Durée de vie du jeton :</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>Act&amp;ivé</translation>
    </message>
    <message>
        <source>The roles could not be listed: %1</source>
        <translation>Les rôles n’ont pas pu être listés : %1</translation>
    </message>
    <message>
        <source>Enter a display name.</source>
        <translation>Saisissez un nom d’affichage.</translation>
    </message>
    <message>
        <source>Choose at least one role: a client without roles can do nothing.</source>
        <translation>Choisissez au moins un rôle : un client sans rôle ne peut rien faire.</translation>
    </message>
    <message>
        <source>The tenant&apos;s session is closed.</source>
        <translation>La session du locataire est fermée.</translation>
    </message>
    <message>
        <source>An API client named &quot;%1&quot; exists already: choose another name.</source>
        <translation>Un client d’API nommé « %1 » existe déjà : choisissez un autre nom.</translation>
    </message>
</context>
<context>
    <name>JamfFamily</name>
    <message>
        <source>Jamf Pro: API roles and API clients, their secrets, and the setup of a client.</source>
        <translation>Jamf Pro : rôles et clients d’API, leurs secrets, et la configuration d’un client.</translation>
    </message>
</context>
<context>
    <name>JamfListJob</name>
    <message>
        <source>The Jamf Pro client went away.</source>
        <translation>Le client Jamf Pro n’existe plus.</translation>
    </message>
    <message>
        <source>Jamf Pro&apos;s listing of %1 has no totalCount or results.</source>
        <translation>La liste %1 de Jamf Pro n’a pas de totalCount ou de results.</translation>
    </message>
</context>
<context>
    <name>JamfListModel</name>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Privileges</source>
        <translation>Privilèges</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>Token lifetime (s)</source>
        <translation>Durée de vie du jeton (s)</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Identifiant client</translation>
    </message>
</context>
<context>
    <name>JamfListPage</name>
    <message>
        <source>New API role…</source>
        <translation>Nouveau rôle d’API…</translation>
    </message>
    <message>
        <source>New API client…</source>
        <translation>Nouveau client d’API…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Rotate secret…</source>
        <translation>Renouveler le secret…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>API Roles</source>
        <translation>Rôles d’API</translation>
    </message>
    <message>
        <source>API Clients</source>
        <translation>Clients d’API</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>Could not load: %1</source>
        <translation>Chargement impossible : %1</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 affichés sur %2</translation>
    </message>
</context>
<context>
    <name>JamfNavigator</name>
    <message>
        <source>New API &amp;role…</source>
        <translation>Nouveau &amp;rôle d’API…</translation>
    </message>
    <message>
        <source>&amp;Edit API role…</source>
        <translation>&amp;Modifier le rôle d’API…</translation>
    </message>
    <message>
        <source>&amp;Delete API role…</source>
        <translation>&amp;Supprimer le rôle d’API…</translation>
    </message>
    <message>
        <source>New API &amp;client…</source>
        <translation>Nouveau cli&amp;ent d’API…</translation>
    </message>
    <message>
        <source>Edit API &amp;client…</source>
        <translation>Modifier le c&amp;lient d’API…</translation>
    </message>
    <message>
        <source>&amp;Disable API client</source>
        <translation>&amp;Désactiver le client d’API</translation>
    </message>
    <message>
        <source>&amp;Rotate client secret…</source>
        <translation>Re&amp;nouveler le secret client…</translation>
    </message>
    <message>
        <source>&amp;Delete API client…</source>
        <translation>Supprimer le cl&amp;ient d’API…</translation>
    </message>
    <message>
        <source>&amp;Enable API client</source>
        <translation>Acti&amp;ver le client d’API</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>Identifiant :</translation>
    </message>
    <message>
        <source>Privileges:</source>
        <translation>Privilèges :</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>Identifiant client :</translation>
    </message>
    <message>
        <source>Enabled:</source>
        <translation>Activé :</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Token lifetime:</source>
        <translation>Durée de vie du jeton :</translation>
    </message>
    <message>
        <source>Credentials:</source>
        <translation>Identifiants :</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Rôles :</translation>
    </message>
    <message>
        <source>Delete API role</source>
        <translation>Supprimer le rôle d’API</translation>
    </message>
    <message>
        <source>Delete the API role &quot;%1&quot; (%2)? This cannot be undone.</source>
        <translation>Supprimer le rôle d’API « %1 » (%2) ? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not deleted. %2</source>
        <translation>« %1 » n’a pas été supprimé. %2</translation>
    </message>
    <message>
        <source>API client</source>
        <translation>Client d’API</translation>
    </message>
    <message>
        <source>Rotate client secret</source>
        <translation>Renouveler le secret client</translation>
    </message>
    <message>
        <source>Make a new secret for &quot;%1&quot;? The current secret stops working at once: whatever uses it must get the new one.</source>
        <translation>Créer un nouveau secret pour « %1 » ? Le secret actuel cesse aussitôt de fonctionner : tout ce qui l’utilise doit recevoir le nouveau.</translation>
    </message>
    <message>
        <source>Delete API client</source>
        <translation>Supprimer le client d’API</translation>
    </message>
    <message>
        <source>Delete the API client &quot;%1&quot;? Whatever signs in with its client id and secret can no longer get a token (tokens already issued work until they expire). This cannot be undone.</source>
        <translation>Supprimer le client d’API « %1 » ? Ce qui se connecte avec son identifiant et son secret ne pourra plus obtenir de jeton (les jetons déjà émis restent valides jusqu’à leur expiration). Cette action est irréversible.</translation>
    </message>
    <message>
        <source>TenantDesk signs in to &quot;%1&quot; as this client: after deleting it, the tenant needs another client (Set up a new API client in the tenant&apos;s settings).</source>
        <translation>TenantDesk se connecte à « %1 » en tant que ce client : après sa suppression, le locataire a besoin d’un autre client (configurez un nouveau client d’API dans les réglages du locataire).</translation>
    </message>
</context>
<context>
    <name>JamfPrivilegeModel</name>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 sur %3)</translation>
    </message>
</context>
<context>
    <name>JamfPrivilegePicker</name>
    <message>
        <source>Filter privileges, e.g. &quot;read computers&quot;</source>
        <translation>Filtrer les privilèges, p. ex. « read computers »</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>%1 sélectionné(s)</translation>
    </message>
</context>
<context>
    <name>JamfPrivileges</name>
    <message>
        <source>1 privilege</source>
        <translation>1 privilège</translation>
    </message>
    <message>
        <source>%1 privileges</source>
        <translation>%1 privilèges</translation>
    </message>
</context>
<context>
    <name>JamfRoleEditor</name>
    <message>
        <source>New API role</source>
        <translation>Nouveau rôle d’API</translation>
    </message>
    <message>
        <source>API role %1</source>
        <translation>Rôle d’API %1</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>Nom d’&amp;affichage :</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Modèle :</translation>
    </message>
    <message>
        <source>Patcher (read-only reports)</source>
        <translation>Patcher (rapports en lecture seule)</translation>
    </message>
    <message>
        <source>Read everything</source>
        <translation>Tout lire</translation>
    </message>
    <message>
        <source>Manage API roles and clients</source>
        <translation>Gérer les rôles et clients d’API</translation>
    </message>
    <message>
        <source>Enter a display name.</source>
        <translation>Saisissez un nom d’affichage.</translation>
    </message>
    <message>
        <source>The tenant&apos;s session is closed.</source>
        <translation>La session du locataire est fermée.</translation>
    </message>
    <message>
        <source>An API role named &quot;%1&quot; exists already: choose another name, or edit that role.</source>
        <translation>Un rôle d’API nommé « %1 » existe déjà : choisissez un autre nom, ou modifiez ce rôle.</translation>
    </message>
</context>
<context>
    <name>JamfSecretDialog</name>
    <message>
        <source>New client secret</source>
        <translation>Nouveau secret client</translation>
    </message>
    <message>
        <source>The new secret of client %1. Jamf Pro shows it this once: copy it or store it now.</source>
        <translation>Le nouveau secret du client %1. Jamf Pro ne l’affiche qu’une fois : copiez-le ou enregistrez-le maintenant.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Store in the keychain for this tenant</source>
        <translation>&amp;Enregistrer dans le trousseau pour ce locataire</translation>
    </message>
    <message>
        <source>This tenant does not sign in as this client.</source>
        <translation>Ce locataire ne se connecte pas en tant que ce client.</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared in %1 s.</source>
        <translation>Copié. Le presse-papiers sera vidé dans %1 s.</translation>
    </message>
    <message>
        <source>The keychain refused it: %1</source>
        <translation>Le trousseau l’a refusé : %1</translation>
    </message>
    <message>
        <source>Stored in the keychain for this tenant.</source>
        <translation>Enregistré dans le trousseau pour ce locataire.</translation>
    </message>
</context>
<context>
    <name>JamfSession</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>Client id %1; roles: %2</source>
        <translation>Identifiant client %1 ; rôles : %2</translation>
    </message>
    <message>
        <source>API Roles</source>
        <translation>Rôles d’API</translation>
    </message>
    <message>
        <source>API Clients</source>
        <translation>Clients d’API</translation>
    </message>
</context>
<context>
    <name>JamfSettings</name>
    <message>
        <source>Enter the Jamf Pro server address, e.g. https://yourcompany.jamfcloud.com.</source>
        <translation>Saisissez l’adresse du serveur Jamf Pro, p. ex. https://yourcompany.jamfcloud.com.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a web address: enter the Jamf Pro server as https://host[:port].</source>
        <translation>« %1 » n’est pas une adresse web : saisissez le serveur Jamf Pro sous la forme https://hôte[:port].</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no host name: enter the Jamf Pro server as https://host[:port].</source>
        <translation>« %1 » n’a pas de nom d’hôte : saisissez le serveur Jamf Pro sous la forme https://hôte[:port].</translation>
    </message>
    <message>
        <source>Do not put a user name or password in the server address; enter them as the tenant&apos;s credentials.</source>
        <translation>Ne mettez ni nom d’utilisateur ni mot de passe dans l’adresse du serveur ; saisissez-les comme identifiants du locataire.</translation>
    </message>
    <message>
        <source>The concurrency must be at least 1 (it is %1).</source>
        <translation>La concurrence doit être au moins 1 (elle vaut %1).</translation>
    </message>
    <message>
        <source>%1 connections at once is more than the 5 Jamf recommends: the server may be unable to do its other work.</source>
        <translation>%1 connexions simultanées, c’est plus que les 5 recommandées par Jamf : le serveur risque de ne plus pouvoir faire son autre travail.</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; is not a Jamf Pro tenant.</source>
        <translation>Le locataire « %1 » n’est pas un locataire Jamf Pro.</translation>
    </message>
    <message>
        <source>A Jamf Pro tenant signs in with a user account or an API client, not &quot;%1&quot;.</source>
        <translation>Un locataire Jamf Pro se connecte avec un compte utilisateur ou un client d’API, pas « %1 ».</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; has no user name.</source>
        <translation>Le locataire « %1 » n’a pas de nom d’utilisateur.</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; has no API client id.</source>
        <translation>Le locataire « %1 » n’a pas d’identifiant de client d’API.</translation>
    </message>
    <message>
        <source>The concurrency &quot;%1&quot; is not a number.</source>
        <translation>La concurrence « %1 » n’est pas un nombre.</translation>
    </message>
</context>
<context>
    <name>JamfSetup</name>
    <message>
        <source>Enter the administrator&apos;s user name and password.</source>
        <translation>Saisissez le nom d’utilisateur et le mot de passe de l’administrateur.</translation>
    </message>
    <message>
        <source>Signing in to %1 as %2…</source>
        <translation>Connexion à %1 en tant que %2…</translation>
    </message>
    <message>
        <source>API role &quot;%1&quot;</source>
        <translation>Rôle d’API « %1 »</translation>
    </message>
    <message>
        <source>API client &quot;%1&quot;</source>
        <translation>Client d’API « %1 »</translation>
    </message>
    <message>
        <source>Sign in as an administrator first.</source>
        <translation>Connectez-vous d’abord en tant qu’administrateur.</translation>
    </message>
    <message>
        <source>Enter a name for the API role and for the API client.</source>
        <translation>Saisissez un nom pour le rôle d’API et pour le client d’API.</translation>
    </message>
    <message>
        <source>Reading API role %1…</source>
        <translation>Lecture du rôle d’API %1…</translation>
    </message>
    <message>
        <source>Choose another role, or create one.</source>
        <translation>Choisissez un autre rôle, ou créez-en un.</translation>
    </message>
    <message>
        <source>Stopped before the next step.</source>
        <translation>Arrêté avant l’étape suivante.</translation>
    </message>
    <message>
        <source>That name is taken on the server.</source>
        <translation>Ce nom est déjà pris sur le serveur.</translation>
    </message>
    <message>
        <source>Sign in as an administrator who has it.</source>
        <translation>Connectez-vous en tant qu’administrateur qui le possède.</translation>
    </message>
    <message>
        <source>Creating API role &quot;%1&quot; with %2…</source>
        <translation>Création du rôle d’API « %1 » avec %2…</translation>
    </message>
    <message>
        <source>Reuse the existing role, or choose another name.</source>
        <translation>Réutilisez le rôle existant, ou choisissez un autre nom.</translation>
    </message>
    <message>
        <source>Creating API client &quot;%1&quot; with role &quot;%2&quot;…</source>
        <translation>Création du client d’API « %1 » avec le rôle « %2 »…</translation>
    </message>
    <message>
        <source>Choose another client name, or delete the existing client first.</source>
        <translation>Choisissez un autre nom de client, ou supprimez d’abord le client existant.</translation>
    </message>
    <message>
        <source>Creating the client&apos;s secret…</source>
        <translation>Création du secret du client…</translation>
    </message>
    <message>
        <source>Getting a token with the new client, to prove it works…</source>
        <translation>Obtention d’un jeton avec le nouveau client, pour prouver qu’il fonctionne…</translation>
    </message>
    <message>
        <source>The client was created but cannot sign in; check that it is enabled.</source>
        <translation>Le client a été créé mais ne peut pas se connecter ; vérifiez qu’il est activé.</translation>
    </message>
    <message>
        <source>Storing the client&apos;s secret in the keychain and saving the tenant…</source>
        <translation>Enregistrement du secret du client dans le trousseau et du locataire…</translation>
    </message>
    <message>
        <source>The tenant to update no longer exists.</source>
        <translation>Le locataire à mettre à jour n’existe plus.</translation>
    </message>
    <message>
        <source>The keychain refused the secret: rotate it later from the client&apos;s page.</source>
        <translation>Le trousseau a refusé le secret : renouvelez-le plus tard depuis la page du client.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <source>Deleting the API role this setup created…</source>
        <translation>Suppression du rôle d’API créé par cette configuration…</translation>
    </message>
    <message>
        <source>Deleting the API client this setup created…</source>
        <translation>Suppression du client d’API créé par cette configuration…</translation>
    </message>
</context>
<context>
    <name>JamfSetupWizard</name>
    <message>
        <source>Set up a Jamf Pro API client</source>
        <translation>Configurer un client d’API Jamf Pro</translation>
    </message>
    <message>
        <source>Jamf Pro server and administrator</source>
        <translation>Serveur Jamf Pro et administrateur</translation>
    </message>
    <message>
        <source>The administrator&apos;s password is used by this wizard only, to create the role and the client. It is never stored. SSO accounts cannot use the API.</source>
        <translation>Le mot de passe de l’administrateur ne sert qu’à cet assistant, pour créer le rôle et le client. Il n’est jamais enregistré. Les comptes SSO ne peuvent pas utiliser l’API.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <source>Administrator &amp;user:</source>
        <translation>&amp;Utilisateur administrateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>API role</source>
        <translation>Rôle d’API</translation>
    </message>
    <message>
        <source>The privileges the new client will have: a new role made from a preset, or a role the server already has.</source>
        <translation>Les privilèges qu’aura le nouveau client : un nouveau rôle créé d’après un modèle, ou un rôle que le serveur possède déjà.</translation>
    </message>
    <message>
        <source>&amp;Create a role</source>
        <translation>&amp;Créer un rôle</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Reuse a role</source>
        <translation>&amp;Réutiliser un rôle</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Modèle :</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>R&amp;ôle :</translation>
    </message>
    <message>
        <source>API client</source>
        <translation>Client d’API</translation>
    </message>
    <message>
        <source>The client TenantDesk will sign in as, how long its tokens last, and the tenant that will use it. Create makes the role, the client and its secret.</source>
        <translation>Le client sous lequel TenantDesk se connectera, la durée de vie de ses jetons, et le locataire qui l’utilisera. Créer crée le rôle, le client et son secret.</translation>
    </message>
    <message>
        <source>Client &amp;name:</source>
        <translation>&amp;Nom du client :</translation>
    </message>
    <message>
        <source>Token &amp;lifetime:</source>
        <translation>&amp;Durée de vie du jeton :</translation>
    </message>
    <message>
        <source>&amp;Tenant name:</source>
        <translation>Nom du &amp;locataire :</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <source>Creating the client</source>
        <translation>Création du client</translation>
    </message>
    <message>
        <source>Each step is listed as it runs. If one fails, go Back to change a name, or Cancel to delete what this wizard made.</source>
        <translation>Chaque étape est listée au fil de son exécution. Si l’une échoue, revenez en arrière pour changer un nom, ou annulez pour supprimer ce que cet assistant a créé.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Connecté en tant que %1.</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Par défaut : %1</translation>
    </message>
    <message>
        <source>No role to reuse is chosen (this account may not read roles): go Back and create one.</source>
        <translation>Aucun rôle à réutiliser n’est choisi (ce compte ne peut peut-être pas lire les rôles) : revenez en arrière et créez-en un.</translation>
    </message>
    <message>
        <source>The client works, its secret is in the keychain and the tenant uses it.</source>
        <translation>Le client fonctionne, son secret est dans le trousseau et le locataire l’utilise.</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>Arrêt après l’étape en cours…</translation>
    </message>
    <message>
        <source>Cancel the setup</source>
        <translation>Annuler la configuration</translation>
    </message>
    <message>
        <source>This wizard created %1. Delete it?</source>
        <translation>Cet assistant a créé %1. Le supprimer ?</translation>
    </message>
    <message>
        <source> and </source>
        <translation> et </translation>
    </message>
</context>
<context>
    <name>JamfTenantDialog</name>
    <message>
        <source>Edit Jamf Pro tenant</source>
        <translation>Modifier le locataire Jamf Pro</translation>
    </message>
    <message>
        <source>Add Jamf Pro tenant</source>
        <translation>Ajouter un locataire Jamf Pro</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <source>API client (client id and secret)</source>
        <translation>Client d’API (identifiant et secret client)</translation>
    </message>
    <message>
        <source>User account (not SSO)</source>
        <translation>Compte utilisateur (pas SSO)</translation>
    </message>
    <message>
        <source>Sign in &amp;with:</source>
        <translation>Se connecter &amp;avec :</translation>
    </message>
    <message>
        <source>Client &amp;id:</source>
        <translation>&amp;Identifiant client :</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>(inchangé)</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>&amp;Secret :</translation>
    </message>
    <message>
        <source>Requests at &amp;once:</source>
        <translation>Requêtes &amp;simultanées :</translation>
    </message>
    <message>
        <source>Set up a &amp;new API client…</source>
        <translation>Configurer un &amp;nouveau client d’API…</translation>
    </message>
    <message>
        <source>User &amp;name:</source>
        <translation>&amp;Nom d’utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>&amp;Secret client :</translation>
    </message>
    <message>
        <source>Enter the %1 and the %2.</source>
        <translation>Saisissez le %1 et le %2.</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>nom d’utilisateur</translation>
    </message>
    <message>
        <source>client id</source>
        <translation>identifiant client</translation>
    </message>
    <message>
        <source>password</source>
        <translation>mot de passe</translation>
    </message>
    <message>
        <source>client secret</source>
        <translation>secret client</translation>
    </message>
    <message>
        <source>The tenant is saved, but the keychain refused the secret: %1</source>
        <translation>Le locataire est enregistré, mais le trousseau a refusé le secret : %1</translation>
    </message>
</context>
<context>
    <name>JamfTokenAuth</name>
    <message>
        <source>No %1 is stored for tenant &quot;%2&quot;: edit the tenant to enter it.</source>
        <translation>Aucun %1 n’est enregistré pour le locataire « %2 » : modifiez le locataire pour le saisir.</translation>
    </message>
</context>
<context>
    <name>JamfUserAuth</name>
    <message>
        <source>Jamf Pro&apos;s token answer has no token or no valid &quot;expires&quot; time.</source>
        <translation>La réponse de jeton de Jamf Pro n’a pas de jeton ou pas d’heure « expires » valide.</translation>
    </message>
    <message>
        <source>The password of &quot;%1&quot; has expired: change it in Jamf Pro, then enter the new one.</source>
        <translation>Le mot de passe de « %1 » a expiré : changez-le dans Jamf Pro, puis saisissez le nouveau.</translation>
    </message>
    <message>
        <source>Jamf Pro refused the user name or password of &quot;%1&quot;. If this account signs in with SSO, it cannot use the API (Jamf Pro&apos;s API does not support SSO accounts): use a local account, or an API client.</source>
        <translation>Jamf Pro a refusé le nom d’utilisateur ou le mot de passe de « %1 ». Si ce compte se connecte par SSO, il ne peut pas utiliser l’API (l’API de Jamf Pro ne prend pas en charge les comptes SSO) : utilisez un compte local ou un client d’API.</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>JsonSchemaCheck</name>
    <message>
        <source>Must be text.</source>
        <translation>Doit être du texte.</translation>
    </message>
    <message>
        <source>Must be a number.</source>
        <translation>Doit être un nombre.</translation>
    </message>
    <message>
        <source>Must be a whole number.</source>
        <translation>Doit être un nombre entier.</translation>
    </message>
    <message>
        <source>Must be true or false.</source>
        <translation>Doit valoir true ou false.</translation>
    </message>
    <message>
        <source>Must be an object.</source>
        <translation>Doit être un objet.</translation>
    </message>
    <message>
        <source>Must be a list.</source>
        <translation>Doit être une liste.</translation>
    </message>
    <message>
        <source>Must be one of: %1.</source>
        <translation>Doit être l’un de : %1.</translation>
    </message>
    <message>
        <source>Must be %1.</source>
        <translation>Doit valoir %1.</translation>
    </message>
    <message>
        <source>Must not be empty.</source>
        <translation>Ne doit pas être vide.</translation>
    </message>
    <message>
        <source>Must be at least %1 characters long.</source>
        <translation>Doit compter au moins %1 caractères.</translation>
    </message>
    <message>
        <source>Must be at most %1 characters long.</source>
        <translation>Doit compter au plus %1 caractères.</translation>
    </message>
    <message>
        <source>Must match the pattern %1.</source>
        <translation>Doit correspondre au motif %1.</translation>
    </message>
    <message>
        <source>Not a valid date (YYYY-MM-DD).</source>
        <translation>Date non valide (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <source>Not a valid date and time (YYYY-MM-DDTHH:MM:SSZ).</source>
        <translation>Date et heure non valides (AAAA-MM-JJTHH:MM:SSZ).</translation>
    </message>
    <message>
        <source>Not a valid e-mail address.</source>
        <translation>Adresse e-mail non valide.</translation>
    </message>
    <message>
        <source>Not a valid URI (e.g. https://example.org/).</source>
        <translation>URI non valide (p. ex. https://example.org/).</translation>
    </message>
    <message>
        <source>Must be greater than %1.</source>
        <translation>Doit être supérieur à %1.</translation>
    </message>
    <message>
        <source>Must be at least %1.</source>
        <translation>Doit valoir au moins %1.</translation>
    </message>
    <message>
        <source>Must be less than %1.</source>
        <translation>Doit être inférieur à %1.</translation>
    </message>
    <message>
        <source>Must be at most %1.</source>
        <translation>Doit valoir au plus %1.</translation>
    </message>
    <message>
        <source>Must be a multiple of %1.</source>
        <translation>Doit être un multiple de %1.</translation>
    </message>
    <message>
        <source>Needs at least %1 items.</source>
        <translation>Nécessite au moins %1 éléments.</translation>
    </message>
    <message>
        <source>Takes at most %1 items.</source>
        <translation>Accepte au plus %1 éléments.</translation>
    </message>
    <message>
        <source>Items must be unique: %1 appears twice.</source>
        <translation>Les éléments doivent être uniques : %1 apparaît deux fois.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Obligatoire.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is required.</source>
        <translation>« %1 » est obligatoire.</translation>
    </message>
</context>
<context>
    <name>KandjiAppEditor</name>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Package (.pkg)</source>
        <translation>Paquet (.pkg)</translation>
    </message>
    <message>
        <source>Zip archive</source>
        <translation>Archive zip</translation>
    </message>
    <message>
        <source>Disk image (.dmg)</source>
        <translation>Image disque (.dmg)</translation>
    </message>
    <message>
        <source>Install once</source>
        <translation>Installer une fois</translation>
    </message>
    <message>
        <source>Continuously enforce</source>
        <translation>Appliquer en continu</translation>
    </message>
    <message>
        <source>No enforcement (Self Service only)</source>
        <translation>Pas d’application (Self Service seulement)</translation>
    </message>
    <message>
        <source>Restart after installing</source>
        <translation>Redémarrer après l’installation</translation>
    </message>
    <message>
        <source>Cancel upload</source>
        <translation>Annuler le téléversement</translation>
    </message>
    <message>
        <source>New Custom App</source>
        <translation>Nouvelle app personnalisée</translation>
    </message>
    <message>
        <source>Custom App: %1</source>
        <translation>App personnalisée : %1</translation>
    </message>
    <message>
        <source>Choose the installer</source>
        <translation>Choisir l’installateur</translation>
    </message>
    <message>
        <source>Keep the current installer</source>
        <translation>Garder l’installateur actuel</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Install type:</source>
        <translation>Type d’installation :</translation>
    </message>
    <message>
        <source>Unzip to:</source>
        <translation>Décompresser dans :</translation>
    </message>
    <message>
        <source>Enforcement:</source>
        <translation>Mode d’application :</translation>
    </message>
    <message>
        <source>Audit script:</source>
        <translation>Script d’audit :</translation>
    </message>
    <message>
        <source>Preinstall script:</source>
        <translation>Script de pré-installation :</translation>
    </message>
    <message>
        <source>Postinstall script:</source>
        <translation>Script de post-installation :</translation>
    </message>
    <message>
        <source>Self Service:</source>
        <translation>Self Service :</translation>
    </message>
    <message>
        <source>Installer:</source>
        <translation>Installateur :</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256 :</translation>
    </message>
    <message>
        <source>Installers (*.pkg *.zip *.dmg);;All files (*)</source>
        <translation>Installateurs (*.pkg *.zip *.dmg);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>impossible de lire le fichier : %1</translation>
    </message>
    <message>
        <source>Choose the installer to upload.</source>
        <translation>Choisissez l’installateur à téléverser.</translation>
    </message>
    <message>
        <source>An audit script is only allowed with continuously_enforce: clear it or change the enforcement.</source>
        <translation>Un script d’audit n’est permis qu’avec continuously_enforce : effacez-le ou changez le mode d’application.</translation>
    </message>
    <message>
        <source>Kandji is still processing the upload; trying again in %1 s…</source>
        <translation>Kandji traite encore le téléversement ; nouvel essai dans %1 s…</translation>
    </message>
    <message>
        <source>Saved; the installer was uploaded.</source>
        <translation>Enregistré ; l’installateur a été téléversé.</translation>
    </message>
    <message>
        <source>Saved; the installer was unchanged.</source>
        <translation>Enregistré ; l’installateur est inchangé.</translation>
    </message>
</context>
<context>
    <name>KandjiAppJob</name>
    <message>
        <source>The Kandji client went away.</source>
        <translation>Le client Kandji n’existe plus.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a custom app id (a UUID).</source>
        <translation>« %1 » n’est pas un identifiant d’app personnalisée (un UUID).</translation>
    </message>
    <message>
        <source>file_key is set by the upload; give the installer file instead.</source>
        <translation>file_key est défini par le téléversement ; donnez plutôt le fichier d’installation.</translation>
    </message>
    <message>
        <source>A custom app needs its installer file.</source>
        <translation>Une app personnalisée a besoin de son fichier d’installation.</translation>
    </message>
    <message>
        <source>The installer &quot;%1&quot; does not exist.</source>
        <translation>L’installateur « %1 » n’existe pas.</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: %2</source>
        <translation>Impossible de lire « %1 » : %2</translation>
    </message>
    <message>
        <source>Kandji&apos;s upload answer lacks post_url, post_data or file_key.</source>
        <translation>La réponse de téléversement de Kandji n’a pas de post_url, post_data ou file_key.</translation>
    </message>
    <message>
        <source>The installer upload answered %1, not 204: the transfer failed.</source>
        <translation>Le téléversement de l’installateur a répondu %1, pas 204 : le transfert a échoué.</translation>
    </message>
    <message>
        <source>Kandji was still processing the upload after %1 s: %2</source>
        <translation>Kandji traitait encore le téléversement après %1 s : %2</translation>
    </message>
</context>
<context>
    <name>KandjiAssignJob</name>
    <message>
        <source>The Kandji client went away.</source>
        <translation>Le client Kandji n’existe plus.</translation>
    </message>
</context>
<context>
    <name>KandjiBlueprintView</name>
    <message>
        <source>Custom Profiles</source>
        <translation>Profils personnalisés</translation>
    </message>
    <message>
        <source>Custom Scripts</source>
        <translation>Scripts personnalisés</translation>
    </message>
    <message>
        <source>Custom Apps</source>
        <translation>Apps personnalisées</translation>
    </message>
    <message>
        <source>Drag library items onto the assigned items to assign them.</source>
        <translation>Faites glisser des éléments de la bibliothèque sur les éléments attribués pour les attribuer.</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Assigned to this blueprint</source>
        <translation>Attribués à ce blueprint</translation>
    </message>
    <message>
        <source>An assignment is still running; drop again when it has finished.</source>
        <translation>Une attribution est encore en cours ; déposez de nouveau quand elle est terminée.</translation>
    </message>
    <message>
        <source>Not assigned: the tenant is disconnected.</source>
        <translation>Non attribué : le locataire est déconnecté.</translation>
    </message>
    <message numerus="yes">
        <source>Assigning %n item(s)…</source>
        <translation>
            <numerusform>Attribution de %n élément…</numerusform>
            <numerusform>Attribution de %n éléments…</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Arrêté : %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 assigned, %2 already assigned, %3 failed.</source>
        <translation>%1 attribué(s), %2 déjà attribué(s), %3 en échec.</translation>
    </message>
    <message>
        <source>Already on the blueprint: %1.</source>
        <translation>Déjà sur le blueprint : %1.</translation>
    </message>
    <message>
        <source>Failed: %1.</source>
        <translation>Échec : %1.</translation>
    </message>
</context>
<context>
    <name>KandjiClient</name>
    <message>
        <source>%1 storage</source>
        <translation>stockage %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Kandji library item id (a UUID).</source>
        <translation>« %1 » n’est pas un identifiant d’élément de bibliothèque Kandji (un UUID).</translation>
    </message>
    <message>
        <source>A custom profile needs its .mobileconfig file.</source>
        <translation>Un profil personnalisé a besoin de son fichier .mobileconfig.</translation>
    </message>
    <message>
        <source>The app has no download URL (file_url).</source>
        <translation>L’app n’a pas d’URL de téléchargement (file_url).</translation>
    </message>
    <message>
        <source>The app has no SHA-256 to check the download against.</source>
        <translation>L’app n’a pas de SHA-256 pour vérifier le téléchargement.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a blueprint id (a UUID).</source>
        <translation>« %1 » n’est pas un identifiant de blueprint (un UUID).</translation>
    </message>
    <message>
        <source>A blueprint needs a name.</source>
        <translation>Un blueprint a besoin d’un nom.</translation>
    </message>
    <message>
        <source>A blueprint&apos;s type is classic or map (got &quot;%1&quot;).</source>
        <translation>Le type d’un blueprint est classic ou map (reçu « %1 »).</translation>
    </message>
    <message>
        <source>A blueprint&apos;s type cannot be changed.</source>
        <translation>Le type d’un blueprint ne peut pas être changé.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a library item id (a UUID).</source>
        <translation>« %1 » n’est pas un identifiant d’élément de bibliothèque (un UUID).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an assignment node id (a UUID).</source>
        <translation>« %1 » n’est pas un identifiant de nœud d’attribution (un UUID).</translation>
    </message>
    <message>
        <source>Unable to get ID for category &apos;%1&apos;. Ensure the category exists.</source>
        <translation>Impossible d’obtenir l’ID de la catégorie « %1 ». Vérifiez que la catégorie existe.</translation>
    </message>
    <message>
        <source>The token may not read %1 (HTTP 403).</source>
        <translation>Le jeton ne peut pas lire %1 (HTTP 403).</translation>
    </message>
    <message>
        <source>The token may read none of the areas TenantDesk uses.</source>
        <translation>Le jeton ne peut lire aucun des domaines qu’utilise TenantDesk.</translation>
    </message>
    <message>
        <source>%1 of %2 API requests used this hour.</source>
        <translation>%1 requêtes d’API sur %2 utilisées cette heure-ci.</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>Jeton d’API</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Jeton Bearer</translation>
    </message>
</context>
<context>
    <name>KandjiConfirmDialog</name>
    <message>
        <source>Type &lt;b&gt;%1&lt;/b&gt; to confirm:</source>
        <translation>Tapez &lt;b&gt;%1&lt;/b&gt; pour confirmer :</translation>
    </message>
</context>
<context>
    <name>KandjiCopyDialog</name>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy to Another Kandji Tenant</source>
        <translation>Copier vers un autre locataire Kandji</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>To tenant:</source>
        <translation>Vers le locataire :</translation>
    </message>
    <message>
        <source>There is no other Kandji tenant to copy to: add one first.</source>
        <translation>Il n’y a aucun autre locataire Kandji vers lequel copier : ajoutez-en un d’abord.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Cannot connect to the target: %1</source>
        <translation>Impossible de se connecter à la cible : %1</translation>
    </message>
    <message>
        <source>not a Kandji tenant</source>
        <translation>pas un locataire Kandji</translation>
    </message>
    <message>
        <source>Copying… %1 of %2: %3</source>
        <translation>Copie… %1 sur %2 : %3</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>Copie…</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>Planification…</translation>
    </message>
    <message>
        <source>assignment</source>
        <translation>attribution</translation>
    </message>
    <message>
        <source>assign</source>
        <translation>attribuer</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) failed: see the Result column.</source>
        <translation>
            <numerusform>%n élément en échec : voir la colonne Résultat.</numerusform>
            <numerusform>%n éléments en échec : voir la colonne Résultat.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s).</source>
        <translation>
            <numerusform>%n ligne.</numerusform>
            <numerusform>%n lignes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KandjiCopyJob</name>
    <message>
        <source>A Kandji tenant went away during the copy.</source>
        <translation>Un locataire Kandji a disparu pendant la copie.</translation>
    </message>
    <message>
        <source>The Self Service category &quot;%1&quot; does not exist on the target tenant.</source>
        <translation>La catégorie Self Service « %1 » n’existe pas sur le locataire cible.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: %2</source>
        <translation>Impossible d’écrire « %1 » : %2</translation>
    </message>
</context>
<context>
    <name>KandjiFamily</name>
    <message>
        <source>Custom Profiles</source>
        <translation>Profils personnalisés</translation>
    </message>
    <message>
        <source>Custom Scripts</source>
        <translation>Scripts personnalisés</translation>
    </message>
    <message>
        <source>Custom Apps</source>
        <translation>Apps personnalisées</translation>
    </message>
    <message>
        <source>Blueprints</source>
        <translation>Blueprints</translation>
    </message>
    <message>
        <source>Self Service Categories</source>
        <translation>Catégories Self Service</translation>
    </message>
    <message>
        <source>Self Service</source>
        <translation>Self Service</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactif</translation>
    </message>
    <message>
        <source>Kandji / Iru tenants: custom profiles, scripts and apps (installer uploads), blueprints and their assignments, Self Service categories</source>
        <translation>Locataires Kandji / Iru : profils, scripts et apps personnalisés (téléversement d’installateurs), blueprints et leurs attributions, catégories Self Service</translation>
    </message>
</context>
<context>
    <name>KandjiItemEditor</name>
    <message>
        <source>The tenant&apos;s session was closed.</source>
        <translation>La session du locataire a été fermée.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>KandjiListJob</name>
    <message>
        <source>The Kandji client went away.</source>
        <translation>Le client Kandji n’existe plus.</translation>
    </message>
    <message>
        <source>The server&apos;s list is not {count, next, previous, results}.</source>
        <translation>La liste du serveur n’est pas {count, next, previous, results}.</translation>
    </message>
</context>
<context>
    <name>KandjiListModel</name>
    <message>
        <source>Self Service</source>
        <translation>Self Service</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Platforms</source>
        <translation>Plateformes</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Fréquence</translation>
    </message>
    <message>
        <source>Install type</source>
        <translation>Type d’installation</translation>
    </message>
    <message>
        <source>Enforcement</source>
        <translation>Mode d’application</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
</context>
<context>
    <name>KandjiNavigator</name>
    <message>
        <source>New…</source>
        <translation>Nouveau…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Assign Library Items…</source>
        <translation>Attribuer des éléments de la bibliothèque…</translation>
    </message>
    <message>
        <source>Copy to Another Tenant…</source>
        <translation>Copier vers un autre locataire…</translation>
    </message>
    <message>
        <source>%1 items. Use the context menu to create, edit, delete or assign.</source>
        <translation>%1 éléments. Utilisez le menu contextuel pour créer, modifier, supprimer ou attribuer.</translation>
    </message>
    <message>
        <source>Remove from Blueprint</source>
        <translation>Retirer du blueprint</translation>
    </message>
    <message>
        <source>Delete Blueprint</source>
        <translation>Supprimer le blueprint</translation>
    </message>
    <message>
        <source>Deleting the blueprint &quot;%1&quot; unmanages EVERY device assigned to it: they lose its profiles, apps and scripts. This cannot be undone.</source>
        <translation>Supprimer le blueprint « %1 » retire de la gestion CHAQUE appareil qui lui est attribué : ils perdent ses profils, apps et scripts. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Non supprimé</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; from the library (and every blueprint)?</source>
        <translation>Supprimer « %1 » de la bibliothèque (et de chaque blueprint) ?</translation>
    </message>
    <message>
        <source>Assign to %1</source>
        <translation>Attribuer à %1</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Attribuer</translation>
    </message>
    <message>
        <source>Assigning… %1 of %2</source>
        <translation>Attribution… %1 sur %2</translation>
    </message>
</context>
<context>
    <name>KandjiProfileEditor</name>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>New Custom Profile</source>
        <translation>Nouveau profil personnalisé</translation>
    </message>
    <message>
        <source>Custom Profile: %1</source>
        <translation>Profil personnalisé : %1</translation>
    </message>
    <message>
        <source>Choose the .mobileconfig</source>
        <translation>Choisir le .mobileconfig</translation>
    </message>
    <message>
        <source>Keep the current profile</source>
        <translation>Garder le profil actuel</translation>
    </message>
    <message>
        <source>macOS</source>
        <translation>macOS</translation>
    </message>
    <message>
        <source>iPhone</source>
        <translation>iPhone</translation>
    </message>
    <message>
        <source>iPad</source>
        <translation>iPad</translation>
    </message>
    <message>
        <source>Apple TV</source>
        <translation>Apple TV</translation>
    </message>
    <message>
        <source>Vision Pro</source>
        <translation>Vision Pro</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Runs on:</source>
        <translation>S’exécute sur :</translation>
    </message>
    <message>
        <source>Profile file:</source>
        <translation>Fichier de profil :</translation>
    </message>
    <message>
        <source>Profile XML:</source>
        <translation>XML du profil :</translation>
    </message>
    <message>
        <source>Choose the profile</source>
        <translation>Choisir le profil</translation>
    </message>
    <message>
        <source>Configuration profiles (*.mobileconfig);;All files (*)</source>
        <translation>Profils de configuration (*.mobileconfig);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose the .mobileconfig to upload.</source>
        <translation>Choisissez le .mobileconfig à téléverser.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>KandjiRateBudget</name>
    <message>
        <source>The Kandji API allows %1 requests per hour; this tenant used them all. The next request can go in %2 s.</source>
        <translation>L’API Kandji permet %1 requêtes par heure ; ce locataire les a toutes utilisées. La prochaine requête pourra partir dans %2 s.</translation>
    </message>
</context>
<context>
    <name>KandjiRules</name>
    <message>
        <source>&quot;%1&quot; is required.</source>
        <translation>« %1 » est obligatoire.</translation>
    </message>
    <message>
        <source>The name must not be empty.</source>
        <translation>Le nom ne doit pas être vide.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false.</source>
        <translation>« %1 » doit valoir true ou false.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be one of %2 (got &quot;%3&quot;).</source>
        <translation>« %1 » doit être l’un de %2 (reçu « %3 »).</translation>
    </message>
    <message>
        <source>With no enforcement the item must be shown in Self Service (show_in_self_service).</source>
        <translation>Sans application, l’élément doit être affiché dans Self Service (show_in_self_service).</translation>
    </message>
    <message>
        <source>An item shown in Self Service needs a Self Service category (self_service_category_id).</source>
        <translation>Un élément affiché dans Self Service a besoin d’une catégorie Self Service (self_service_category_id).</translation>
    </message>
    <message>
        <source>A custom profile must run on at least one platform (one of runs_on_mac, runs_on_iphone, runs_on_ipad, runs_on_tv, runs_on_vision).</source>
        <translation>Un profil personnalisé doit s’exécuter sur au moins une plateforme (l’un de runs_on_mac, runs_on_iphone, runs_on_ipad, runs_on_tv, runs_on_vision).</translation>
    </message>
    <message>
        <source>An audit script is only allowed with continuously_enforce.</source>
        <translation>Un script d’audit n’est permis qu’avec continuously_enforce.</translation>
    </message>
    <message>
        <source>A zip app needs an unzip location (unzip_location).</source>
        <translation>Une app zip a besoin d’un emplacement de décompression (unzip_location).</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: %2</source>
        <translation>Impossible de lire « %1 » : %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is larger than 16 MiB: not a configuration profile.</source>
        <translation>« %1 » dépasse 16 Mio : ce n’est pas un profil de configuration.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a truncated binary property list.</source>
        <translation>« %1 » est une liste de propriétés binaire tronquée.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a property list: its root element is &lt;%2&gt;, not &lt;plist&gt;.</source>
        <translation>« %1 » n’est pas une liste de propriétés : son élément racine est &lt;%2&gt;, pas &lt;plist&gt;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a well-formed property list: line %2: %3</source>
        <translation>« %1 » n’est pas une liste de propriétés bien formée : ligne %2 : %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a property list (no &lt;plist&gt; element).</source>
        <translation>« %1 » n’est pas une liste de propriétés (pas d’élément &lt;plist&gt;).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a configuration profile: &lt;plist&gt; must hold one &lt;dict&gt;.</source>
        <translation>« %1 » n’est pas un profil de configuration : &lt;plist&gt; doit contenir un seul &lt;dict&gt;.</translation>
    </message>
</context>
<context>
    <name>KandjiScriptEditor</name>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Restart after running</source>
        <translation>Redémarrer après l’exécution</translation>
    </message>
    <message>
        <source>New Custom Script</source>
        <translation>Nouveau script personnalisé</translation>
    </message>
    <message>
        <source>Custom Script: %1</source>
        <translation>Script personnalisé : %1</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Une fois</translation>
    </message>
    <message>
        <source>Every 15 minutes</source>
        <translation>Toutes les 15 minutes</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Tous les jours</translation>
    </message>
    <message>
        <source>No enforcement (Self Service only)</source>
        <translation>Pas d’application (Self Service seulement)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>Exécution :</translation>
    </message>
    <message>
        <source>Script:</source>
        <translation>Script :</translation>
    </message>
    <message>
        <source>Remediation:</source>
        <translation>Remédiation :</translation>
    </message>
    <message>
        <source>Self Service:</source>
        <translation>Self Service :</translation>
    </message>
</context>
<context>
    <name>KandjiSelfServiceBox</name>
    <message>
        <source>Show in Self Service</source>
        <translation>Afficher dans Self Service</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Recommandé</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>(pas de catégorie)</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Catégorie :</translation>
    </message>
    <message>
        <source>The categories could not be loaded: %1</source>
        <translation>Les catégories n’ont pas pu être chargées : %1</translation>
    </message>
</context>
<context>
    <name>KandjiSession</name>
    <message>
        <source>This tenant&apos;s settings cannot be used: %1</source>
        <translation>Les réglages de ce locataire sont inutilisables : %1</translation>
    </message>
</context>
<context>
    <name>KandjiSettings</name>
    <message>
        <source>The tenant URL is empty.</source>
        <translation>L’URL du locataire est vide.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a URL.</source>
        <translation>« %1 » n’est pas une URL.</translation>
    </message>
    <message>
        <source>The tenant URL must not contain a user name, a query or a fragment.</source>
        <translation>L’URL du locataire ne doit contenir ni nom d’utilisateur, ni requête, ni fragment.</translation>
    </message>
    <message>
        <source>The tenant URL must not have a path (&quot;%1&quot;): give only https://&lt;sub&gt;.api.kandji.io.</source>
        <translation>L’URL du locataire ne doit pas avoir de chemin (« %1 ») : donnez seulement https://&lt;sub&gt;.api.kandji.io.</translation>
    </message>
    <message>
        <source>A local test server must be on this machine (127.0.0.1, localhost or [::1]), not &quot;%1&quot;.</source>
        <translation>Un serveur de test local doit être sur cette machine (127.0.0.1, localhost ou [::1]), pas « %1 ».</translation>
    </message>
    <message>
        <source>A local test server URL must start with http:// or https://.</source>
        <translation>L’URL d’un serveur de test local doit commencer par http:// ou https://.</translation>
    </message>
    <message>
        <source>A local test server URL needs a port (e.g. http://127.0.0.1:8080).</source>
        <translation>L’URL d’un serveur de test local a besoin d’un port (p. ex. http://127.0.0.1:8080).</translation>
    </message>
    <message>
        <source>The tenant URL must use https, not &quot;%1&quot;.</source>
        <translation>L’URL du locataire doit utiliser https, pas « %1 ».</translation>
    </message>
    <message>
        <source>The tenant URL must not name a port.</source>
        <translation>L’URL du locataire ne doit pas indiquer de port.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Kandji or Iru API host: expected &lt;sub&gt;.api.kandji.io, &lt;sub&gt;.api.eu.kandji.io or &lt;sub&gt;.api.iru.com.</source>
        <translation>« %1 » n’est pas un hôte d’API Kandji ou Iru : attendu &lt;sub&gt;.api.kandji.io, &lt;sub&gt;.api.eu.kandji.io ou &lt;sub&gt;.api.iru.com.</translation>
    </message>
    <message>
        <source>The API token is empty.</source>
        <translation>Le jeton d’API est vide.</translation>
    </message>
    <message>
        <source>The API token does not have the shape of a Kandji token (a UUID such as 12345678-1234-4234-8234-123456789012).</source>
        <translation>Le jeton d’API n’a pas la forme d’un jeton Kandji (un UUID comme 12345678-1234-4234-8234-123456789012).</translation>
    </message>
</context>
<context>
    <name>KandjiTablePage</name>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Filter by name or id</source>
        <translation>Filtrer par nom ou identifiant</translation>
    </message>
    <message>
        <source>Self Service</source>
        <translation>Self Service</translation>
    </message>
    <message>
        <source>Not listed: %1</source>
        <translation>Non listé : %1</translation>
    </message>
    <message>
        <source>%1 of %2 loaded</source>
        <translation>%1 chargés sur %2</translation>
    </message>
    <message>
        <source>%1 loaded</source>
        <translation>%1 chargés</translation>
    </message>
    <message>
        <source>%1 shown, %2</source>
        <translation>%1 affichés, %2</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>No secret stored for %1</source>
        <translation>Aucun secret enregistré pour %1</translation>
    </message>
    <message>
        <source>The system keychain is not available: %1</source>
        <translation>Le trousseau du système n’est pas disponible : %1</translation>
    </message>
</context>
<context>
    <name>KintoBatchJob</name>
    <message>
        <source>The Kinto client is gone.</source>
        <translation>Le client Kinto n’existe plus.</translation>
    </message>
    <message>
        <source>The batch answer has %1 responses for %2 requests.</source>
        <translation>La réponse du lot contient %1 réponses pour %2 requêtes.</translation>
    </message>
    <message>
        <source>Batch operation #%1 (%2): %3</source>
        <translation>Opération de lot n° %1 (%2) : %3</translation>
    </message>
    <message>
        <source>#%1 %2 → %3 %4</source>
        <translation>n° %1 %2 → %3 %4</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n de plus</numerusform>
            <numerusform>… et %n de plus</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 batch operations failed: %3</source>
        <translation>%1 opérations de lot sur %2 ont échoué : %3</translation>
    </message>
    <message>
        <source>its chunk was not applied: %1</source>
        <translation>son lot n’a pas été appliqué : %1</translation>
    </message>
    <message>
        <source>no answer for its chunk, it may or may not be applied: %1</source>
        <translation>pas de réponse pour son lot, il a pu être appliqué ou non : %1</translation>
    </message>
    <message>
        <source>no answer: its chunk was stopped after another one failed; it may or may not be applied</source>
        <translation>pas de réponse : son lot a été arrêté après l’échec d’un autre ; il a pu être appliqué ou non</translation>
    </message>
    <message>
        <source>not answered yet</source>
        <translation>pas encore de réponse</translation>
    </message>
</context>
<context>
    <name>KintoClient</name>
    <message>
        <source>The batch&apos;s Kinto client is gone.</source>
        <translation>Le client Kinto du lot n’existe plus.</translation>
    </message>
    <message>
        <source>Batch operation #%1: a batch sub-request body must be a JSON object, so a JSON-patch cannot go in a batch (Kinto answers 400); send it as a request of its own.</source>
        <translation>Opération de lot n° %1 : le corps d’une sous-requête de lot doit être un objet JSON, donc un JSON-patch ne peut pas aller dans un lot (Kinto répond 400) ; envoyez-le comme requête à part.</translation>
    </message>
    <message>
        <source>Batch request #%1 needs a method and a path starting with &apos;/&apos;.</source>
        <translation>La requête de lot n° %1 a besoin d’une méthode et d’un chemin commençant par « / ».</translation>
    </message>
    <message>
        <source>Unsupported auth value: use &quot;user:password&quot;, &quot;Bearer TOKEN&quot; or &quot;Basic TOKEN&quot;.</source>
        <translation>Valeur d’authentification non prise en charge : utilisez « user:password », « Bearer JETON » ou « Basic JETON ».</translation>
    </message>
    <message>
        <source>The %1 id is missing.</source>
        <translation>L’identifiant du %1 manque.</translation>
    </message>
    <message>
        <source>Invalid record id &quot;%1&quot;: it must not contain &apos;/&apos;, spaces or control characters.</source>
        <translation>Identifiant d’enregistrement « %1 » invalide : il ne doit contenir ni « / », ni espaces, ni caractères de contrôle.</translation>
    </message>
    <message>
        <source>Invalid %1 id &quot;%2&quot;: it must start with a letter or digit and contain only letters, digits, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>Identifiant de %1 « %2 » invalide : il doit commencer par une lettre ou un chiffre et ne contenir que des lettres, des chiffres, « - » et « _ ».</translation>
    </message>
    <message>
        <source>%1 (check that the parent exists and that you may create or write there)</source>
        <translation>%1 (vérifiez que le parent existe et que vous pouvez y créer ou y écrire)</translation>
    </message>
    <message>
        <source>The server sent no Total-Objects header.</source>
        <translation>Le serveur n’a pas envoyé d’en-tête Total-Objects.</translation>
    </message>
    <message>
        <source>The server sent an impossible count (%1).</source>
        <translation>Le serveur a envoyé un nombre impossible (%1).</translation>
    </message>
    <message>
        <source>Cannot read the file &quot;%1&quot;.</source>
        <translation>Impossible de lire le fichier « %1 ».</translation>
    </message>
    <message>
        <source>The record has no attachment.</source>
        <translation>L’enregistrement n’a pas de pièce jointe.</translation>
    </message>
    <message>
        <source>No destination given for the attachment.</source>
        <translation>Aucune destination donnée pour la pièce jointe.</translation>
    </message>
    <message>
        <source>bucket %1</source>
        <translation>bucket %1</translation>
    </message>
    <message>
        <source>group %1 of %2</source>
        <translation>groupe %1 de %2</translation>
    </message>
    <message>
        <source>collection %1 of %2</source>
        <translation>collection %1 de %2</translation>
    </message>
    <message>
        <source>record %1 of %2/%3</source>
        <translation>enregistrement %1 de %2/%3</translation>
    </message>
    <message>
        <source>%1 not found</source>
        <translation>%1 introuvable</translation>
    </message>
    <message>
        <source>%1 already exists</source>
        <translation>%1 existe déjà</translation>
    </message>
    <message>
        <source>%1 was modified meanwhile</source>
        <translation>%1 a été modifié entre-temps</translation>
    </message>
    <message>
        <source>bucket %1 does not exist, or you may not read it</source>
        <translation>le bucket %1 n’existe pas, ou vous ne pouvez pas le lire</translation>
    </message>
    <message>
        <source>bucket %1 does not exist, or you may not delete it</source>
        <translation>le bucket %1 n’existe pas, ou vous ne pouvez pas le supprimer</translation>
    </message>
</context>
<context>
    <name>KintoFamily</name>
    <message>
        <source>Kinto servers: buckets, collections, groups, records with schema forms, permissions, history, attachments</source>
        <translation>Serveurs Kinto : buckets, collections, groupes, enregistrements avec formulaires de schéma, permissions, historique, pièces jointes</translation>
    </message>
    <message>
        <source>The server did not accept the credentials of &quot;%1&quot; (it answered as to an anonymous user).</source>
        <translation>Le serveur n’a pas accepté les identifiants de « %1 » (il a répondu comme à un utilisateur anonyme).</translation>
    </message>
    <message>
        <source>Signed in as an unknown basicauth user, not as %1: the password may be wrong.</source>
        <translation>Connecté en tant qu’utilisateur basicauth inconnu, pas en tant que %1 : le mot de passe est peut-être erroné.</translation>
    </message>
    <message>
        <source>Signed in as %1, not as %2.</source>
        <translation>Connecté en tant que %1, pas en tant que %2.</translation>
    </message>
    <message numerus="yes">
        <source>Group %1: %n member(s)</source>
        <translation>
            <numerusform>Groupe %1 : %n membre</numerusform>
            <numerusform>Groupe %1 : %n membres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n enregistrement</numerusform>
            <numerusform>%n enregistrements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KintoListJob</name>
    <message>
        <source>The Kinto client is gone.</source>
        <translation>Le client Kinto n’existe plus.</translation>
    </message>
    <message>
        <source>The server&apos;s list has no &quot;data&quot; array.</source>
        <translation>La liste du serveur n’a pas de tableau « data ».</translation>
    </message>
</context>
<context>
    <name>KintoNavigator</name>
    <message>
        <source>New &amp;bucket…</source>
        <translation>Nouveau &amp;bucket…</translation>
    </message>
    <message>
        <source>New &amp;collection…</source>
        <translation>Nouvelle &amp;collection…</translation>
    </message>
    <message>
        <source>New &amp;group…</source>
        <translation>Nouveau &amp;groupe…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>&amp;Permissions…</source>
        <translation>&amp;Permissions…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>&amp;Edit bucket…</source>
        <translation>&amp;Modifier le bucket…</translation>
    </message>
    <message>
        <source>&amp;Edit collection…</source>
        <translation>&amp;Modifier la collection…</translation>
    </message>
    <message>
        <source>&amp;Edit group…</source>
        <translation>&amp;Modifier le groupe…</translation>
    </message>
    <message>
        <source>&amp;Delete bucket…</source>
        <translation>&amp;Supprimer le bucket…</translation>
    </message>
    <message>
        <source>&amp;Delete collection…</source>
        <translation>&amp;Supprimer la collection…</translation>
    </message>
    <message>
        <source>&amp;Delete group…</source>
        <translation>&amp;Supprimer le groupe…</translation>
    </message>
    <message>
        <source>Bucket %1</source>
        <translation>Bucket %1</translation>
    </message>
    <message>
        <source>%1 (bucket %2)</source>
        <translation>%1 (bucket %2)</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attributs</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Collection %1</source>
        <translation>Collection %1</translation>
    </message>
    <message>
        <source>%1 (collection %2)</source>
        <translation>%1 (collection %2)</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Groupe %1</translation>
    </message>
    <message>
        <source>%1 (group %2)</source>
        <translation>%1 (groupe %2)</translation>
    </message>
    <message>
        <source>Principal: /buckets/%1/groups/%2</source>
        <translation>Principal : /buckets/%1/groups/%2</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>Membres :</translation>
    </message>
    <message>
        <source>the bucket &quot;%1&quot;</source>
        <translation>le bucket « %1 »</translation>
    </message>
    <message>
        <source>the collection &quot;%1&quot; of bucket &quot;%2&quot; (%3 records)</source>
        <translation>la collection « %1 » du bucket « %2 » (%3 enregistrements)</translation>
    </message>
    <message>
        <source>the collection &quot;%1&quot; of bucket &quot;%2&quot;</source>
        <translation>la collection « %1 » du bucket « %2 »</translation>
    </message>
    <message>
        <source>the group &quot;%1&quot; of bucket &quot;%2&quot;</source>
        <translation>le groupe « %1 » du bucket « %2 »</translation>
    </message>
</context>
<context>
    <name>KintoObjectDialog</name>
    <message>
        <source>letters, digits, - and _</source>
        <translation>lettres, chiffres, - et _</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <source>Any other attributes of the %1, as a JSON object (e.g. {&quot;title&quot;: &quot;…&quot;})</source>
        <translation>Tout autre attribut du %1, sous forme d’objet JSON (p. ex. {&quot;title&quot;: &quot;…&quot;})</translation>
    </message>
    <message>
        <source>Other &amp;attributes:</source>
        <translation>Autres &amp;attributs :</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>Nouveau %1</translation>
    </message>
    <message>
        <source>Edit %1 %2</source>
        <translation>Modifier %1 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 must be a JSON object.</source>
        <translation>%1 doit être un objet JSON.</translation>
    </message>
    <message>
        <source>The tenant is no longer connected.</source>
        <translation>Le locataire n’est plus connecté.</translation>
    </message>
    <message>
        <source>Give the %1 an id.</source>
        <translation>Donnez un identifiant au %1.</translation>
    </message>
    <message>
        <source>The id &quot;%1&quot; is not valid: use letters, digits, &quot;-&quot; and &quot;_&quot;, starting with a letter or a digit.</source>
        <translation>L’identifiant « %1 » n’est pas valide : utilisez des lettres, des chiffres, « - » et « _ », en commençant par une lettre ou un chiffre.</translation>
    </message>
    <message>
        <source>Other attributes</source>
        <translation>Autres attributs</translation>
    </message>
    <message>
        <source>A %1 with the id &quot;%2&quot; already exists (the server answered: %3). Choose another id.</source>
        <translation>Un %1 avec l’identifiant « %2 » existe déjà (le serveur a répondu : %3). Choisissez un autre identifiant.</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Écraser</translation>
    </message>
    <message>
        <source>%1
This %2 was changed on the server since you opened it. Your input is kept: Overwrite replaces the server&apos;s version with yours, Cancel keeps theirs.</source>
        <translation>%1
Ce %2 a été modifié sur le serveur depuis que vous l’avez ouvert. Votre saisie est conservée : Écraser remplace la version du serveur par la vôtre, Annuler garde la leur.</translation>
    </message>
</context>
<context>
    <name>KintoPageStrategy</name>
    <message>
        <source>The server&apos;s answer is not a list.</source>
        <translation>La réponse du serveur n’est pas une liste.</translation>
    </message>
</context>
<context>
    <name>KintoSession</name>
    <message>
        <source>Collections</source>
        <translation>Collections</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <source>Bucket %1</source>
        <translation>Bucket %1</translation>
    </message>
    <message>
        <source>Collection %1</source>
        <translation>Collection %1</translation>
    </message>
    <message>
        <source>Records are validated by a JSON schema</source>
        <translation>Les enregistrements sont validés par un schéma JSON</translation>
    </message>
</context>
<context>
    <name>LoopbackRedirectListener</name>
    <message>
        <source>No sign-in answer arrived from the browser in time.</source>
        <translation>Aucune réponse de connexion n’est arrivée du navigateur à temps.</translation>
    </message>
    <message>
        <source>Cannot listen for the sign-in answer on 127.0.0.1: %1</source>
        <translation>Impossible d’écouter la réponse de connexion sur 127.0.0.1 : %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>TenantDesk</source>
        <translation>TenantDesk</translation>
    </message>
    <message>
        <source>%1: the server asked to wait %2 s (%3); waiting %4 s at most</source>
        <translation>%1 : le serveur a demandé d’attendre %2 s (%3) ; attente limitée à %4 s</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>Read the selected node again from its server, or reload the page that has the focus</source>
        <translation>Relire le nœud sélectionné sur son serveur, ou recharger la page qui a le focus</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Rec&amp;hercher</translation>
    </message>
    <message>
        <source>Search the current page, or the request log</source>
        <translation>Rechercher dans la page courante ou dans le journal des requêtes</translation>
    </message>
    <message>
        <source>&amp;Go to…</source>
        <translation>&amp;Aller à…</translation>
    </message>
    <message>
        <source>Jump to a tenant or a loaded node by typing a few letters of its name</source>
        <translation>Aller à un locataire ou à un nœud chargé en tapant quelques lettres de son nom</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Defaults for requests, the request log, pages and the theme</source>
        <translation>Valeurs par défaut des requêtes, du journal des requêtes, des pages et du thème</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;About TenantDesk</source>
        <translation>À &amp;propos de TenantDesk</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>Locataires</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>Journal des requêtes</translation>
    </message>
    <message>
        <source>Welcome to TenantDesk</source>
        <translation>Bienvenue dans TenantDesk</translation>
    </message>
    <message>
        <source>&lt;p&gt;Choose a tenant in the &lt;b&gt;Tenants&lt;/b&gt; panel to browse it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Choisissez un locataire dans le panneau &lt;b&gt;Locataires&lt;/b&gt; pour le parcourir.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Add a tenant to get started. A tenant is one account on one service. TenantDesk supports:&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;p&gt;You give it a name, a base URL and how to sign in. Passwords, tokens and client secrets go to the system keychain, never to the settings file.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ajoutez un locataire pour commencer. Un locataire est un compte sur un service. TenantDesk prend en charge :&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;p&gt;Vous lui donnez un nom, une URL de base et une façon de se connecter. Les mots de passe, jetons et secrets client vont dans le trousseau du système, jamais dans le fichier de réglages.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Every request TenantDesk sends is listed in the &lt;b&gt;Request log&lt;/b&gt; below, with its status, timing and size.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Chaque requête envoyée par TenantDesk figure dans le &lt;b&gt;Journal des requêtes&lt;/b&gt; ci-dessous, avec son statut, sa durée et sa taille.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About TenantDesk</source>
        <translation>À propos de TenantDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;TenantDesk %1&lt;/h3&gt;&lt;p&gt;A desktop console for the tenants of %2 services. Secrets are kept in the system keychain.&lt;/p&gt;&lt;p&gt;Built with Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;TenantDesk %1&lt;/h3&gt;&lt;p&gt;Une console de bureau pour les locataires des services %2. Les secrets sont conservés dans le trousseau du système.&lt;/p&gt;&lt;p&gt;Compilé avec Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Tenant</source>
        <translation>&amp;Locataire</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>&amp;Toolbar</source>
        <translation>&amp;Barre d’outils</translation>
    </message>
    <message>
        <source>Added tenant %1</source>
        <translation>Locataire %1 ajouté</translation>
    </message>
    <message>
        <source>Saved tenant %1</source>
        <translation>Locataire %1 enregistré</translation>
    </message>
    <message>
        <source>Removed tenant %1</source>
        <translation>Locataire %1 supprimé</translation>
    </message>
    <message>
        <source>Could not remove tenant %1: %2</source>
        <translation>Impossible de supprimer le locataire %1 : %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1 : %2 (%3)</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>Preferences applied</source>
        <translation>Préférences appliquées</translation>
    </message>
    <message>
        <source>Select a tenant first: requests are sent through its session.</source>
        <translation>Sélectionnez d’abord un locataire : les requêtes passent par sa session.</translation>
    </message>
</context>
<context>
    <name>MemorySecretStore</name>
    <message>
        <source>No secret stored for %1</source>
        <translation>Aucun secret enregistré pour %1</translation>
    </message>
    <message>
        <source>The system keychain is not available: %1</source>
        <translation>Le trousseau du système n’est pas disponible : %1</translation>
    </message>
</context>
<context>
    <name>OAuth2Auth</name>
    <message>
        <source>Sign in first: this tenant uses the authorization-code flow and has no valid token.</source>
        <translation>Connectez-vous d’abord : ce locataire utilise le flux « authorization code » et n’a pas de jeton valide.</translation>
    </message>
    <message>
        <source>The token URL must be https:// (http:// only for a server on this machine); no credentials were sent.</source>
        <translation>L’URL du jeton doit être en https:// (http:// seulement pour un serveur sur cette machine) ; aucun identifiant n’a été envoyé.</translation>
    </message>
    <message>
        <source>The token endpoint refused the credentials: %1</source>
        <translation>Le point d’accès du jeton a refusé les identifiants : %1</translation>
    </message>
    <message>
        <source>The token endpoint&apos;s answer has no Bearer access token (token_type &quot;%1&quot;).</source>
        <translation>La réponse du point d’accès du jeton n’a pas de jeton d’accès Bearer (token_type « %1 »).</translation>
    </message>
    <message>
        <source>The sign-in was refused: %1</source>
        <translation>La connexion a été refusée : %1</translation>
    </message>
    <message>
        <source>The redirect address carries no authorization code.</source>
        <translation>L’adresse de redirection ne porte aucun code d’autorisation.</translation>
    </message>
    <message>
        <source>The sign-in answer&apos;s state does not match the request (possible CSRF attack); sign in again.</source>
        <translation>L’état de la réponse de connexion ne correspond pas à la demande (attaque CSRF possible) ; reconnectez-vous.</translation>
    </message>
</context>
<context>
    <name>OAuth2Metadata</name>
    <message>
        <source>The authorization server&apos;s metadata names no token endpoint.</source>
        <translation>Les métadonnées du serveur d’autorisation ne nomment aucun point d’accès de jeton.</translation>
    </message>
    <message>
        <source>The metadata names issuer &quot;%1&quot;, not &quot;%2&quot;.</source>
        <translation>Les métadonnées nomment l’émetteur « %1 », pas « %2 ».</translation>
    </message>
    <message>
        <source>The server offers neither client_secret_basic nor client_secret_post for client authentication.</source>
        <translation>Le serveur ne propose ni client_secret_basic ni client_secret_post pour l’authentification du client.</translation>
    </message>
    <message>
        <source>The server does not offer PKCE with S256, which TenantDesk requires for signing in.</source>
        <translation>Le serveur ne propose pas PKCE avec S256, que TenantDesk exige pour se connecter.</translation>
    </message>
</context>
<context>
    <name>OAuth2SignIn</name>
    <message>
        <source>The tenant&apos;s session was closed during sign-in.</source>
        <translation>La session du locataire a été fermée pendant la connexion.</translation>
    </message>
</context>
<context>
    <name>OpenApiReader</name>
    <message>
        <source>Only JSON OpenAPI documents can be read; convert a YAML document to JSON first.</source>
        <translation>Seuls les documents OpenAPI en JSON peuvent être lus ; convertissez d’abord un document YAML en JSON.</translation>
    </message>
    <message>
        <source>The OpenAPI document is not valid JSON: %1</source>
        <translation>Le document OpenAPI n’est pas du JSON valide : %1</translation>
    </message>
    <message>
        <source>This is a Swagger 2.0 document; OpenAPI 3.0 or 3.1 is needed.</source>
        <translation>Ceci est un document Swagger 2.0 ; OpenAPI 3.0 ou 3.1 est nécessaire.</translation>
    </message>
    <message>
        <source>Not an OpenAPI 3.0 or 3.1 document (no &quot;openapi&quot;: &quot;3.x&quot;).</source>
        <translation>Pas un document OpenAPI 3.0 ou 3.1 (pas de &quot;openapi&quot;: &quot;3.x&quot;).</translation>
    </message>
    <message>
        <source>%1: its GET answers one object, not a list; skipped.</source>
        <translation>%1 : son GET répond un objet, pas une liste ; ignoré.</translation>
    </message>
    <message>
        <source>%1: the items have no &quot;%2&quot; property; check the id field.</source>
        <translation>%1 : les éléments n’ont pas de propriété « %2 » ; vérifiez le champ identifiant.</translation>
    </message>
    <message>
        <source>No collection was found: no path without parameters answers a list to GET.</source>
        <translation>Aucune collection trouvée : aucun chemin sans paramètres ne répond une liste à GET.</translation>
    </message>
</context>
<context>
    <name>PageCursor</name>
    <message>
        <source>The server&apos;s next-page link leaves the tenant (%1 is not under %2); the listing was stopped.</source>
        <translation>Le lien de page suivante du serveur sort du locataire (%1 n’est pas sous %2) ; la liste a été arrêtée.</translation>
    </message>
    <message>
        <source>a malformed address</source>
        <translation>une adresse mal formée</translation>
    </message>
    <message>
        <source>The listing stopped after %1 pages, its limit (raise the page limit to fetch more).</source>
        <translation>La liste s’est arrêtée après %1 pages, sa limite (augmentez la limite de pages pour en obtenir plus).</translation>
    </message>
    <message>
        <source>The listing stopped after %1 MiB, its size limit (raise the size limit to fetch more).</source>
        <translation>La liste s’est arrêtée après %1 Mio, sa limite de taille (augmentez la limite de taille pour en obtenir plus).</translation>
    </message>
    <message>
        <source>The server&apos;s next-page link repeats an earlier page (%1): the listing loops and was stopped.</source>
        <translation>Le lien de page suivante du serveur répète une page précédente (%1) : la liste boucle et a été arrêtée.</translation>
    </message>
</context>
<context>
    <name>PageStrategy</name>
    <message>
        <source>The server&apos;s page has no &quot;%1&quot; array.</source>
        <translation>La page du serveur n’a pas de tableau « %1 ».</translation>
    </message>
</context>
<context>
    <name>PermissionsEditor</name>
    <message>
        <source>read: see the object (and, for a bucket or collection, what it contains)</source>
        <translation>read : voir l’objet (et, pour un bucket ou une collection, son contenu)</translation>
    </message>
    <message>
        <source>write: change or delete the object and everything in it</source>
        <translation>write : modifier ou supprimer l’objet et tout ce qu’il contient</translation>
    </message>
    <message>
        <source>%1: create %2s in it</source>
        <translation>%1 : y créer des %2s</translation>
    </message>
    <message>
        <source>bucket %1</source>
        <translation>bucket %1</translation>
    </message>
    <message>
        <source>collection %1/%2</source>
        <translation>collection %1/%2</translation>
    </message>
    <message>
        <source>group %1/%2</source>
        <translation>groupe %1/%2</translation>
    </message>
    <message>
        <source>record %1/%2/%3</source>
        <translation>enregistrement %1/%2/%3</translation>
    </message>
    <message>
        <source>(not an object with permissions)</source>
        <translation>(pas un objet avec des permissions)</translation>
    </message>
    <message>
        <source>Permissions of %1</source>
        <translation>Permissions de %1</translation>
    </message>
    <message>
        <source>Who may do what on the %1. Kinto always keeps you in write.</source>
        <translation>Qui peut faire quoi sur le %1. Kinto vous garde toujours en écriture.</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>system.Everyone: anyone, even without credentials</source>
        <translation>system.Everyone : n’importe qui, même sans identifiants</translation>
    </message>
    <message>
        <source>Authenticated users</source>
        <translation>Utilisateurs authentifiés</translation>
    </message>
    <message>
        <source>system.Authenticated: anyone who signed in</source>
        <translation>system.Authenticated : toute personne connectée</translation>
    </message>
    <message>
        <source>account:alice, /buckets/b/groups/g, …</source>
        <translation>account:alice, /buckets/b/groups/g, …</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>Permission</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>Accordée par</translation>
    </message>
    <message>
        <source>Principals</source>
        <translation>Principaux</translation>
    </message>
    <message>
        <source>Inherited (read-only)</source>
        <translation>Héritées (lecture seule)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>This object has no permissions to edit.</source>
        <translation>Cet objet n’a pas de permissions à modifier.</translation>
    </message>
    <message>
        <source>Loading permissions…</source>
        <translation>Chargement des permissions…</translation>
    </message>
    <message>
        <source>collection %1</source>
        <translation>collection %1</translation>
    </message>
    <message>
        <source>Could not load the permissions: %1</source>
        <translation>Impossible de charger les permissions : %1</translation>
    </message>
    <message>
        <source>Loaded.</source>
        <translation>Chargé.</translation>
    </message>
    <message>
        <source>Loaded. You are %1.</source>
        <translation>Chargé. Vous êtes %1.</translation>
    </message>
    <message>
        <source>%1 (group)</source>
        <translation>%1 (groupe)</translation>
    </message>
    <message>
        <source>A bucket inherits nothing.</source>
        <translation>Un bucket n’hérite de rien.</translation>
    </message>
    <message>
        <source>(not readable: %1)</source>
        <translation>(illisible : %1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Type a principal (account:alice, /buckets/b/groups/g) or pick one.</source>
        <translation>Tapez un principal (account:alice, /buckets/b/groups/g) ou choisissez-en un.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a principal: principals have no spaces.</source>
        <translation>« %1 » n’est pas un principal : les principaux n’ont pas d’espaces.</translation>
    </message>
    <message>
        <source>%1 already has %2.</source>
        <translation>%1 a déjà %2.</translation>
    </message>
    <message>
        <source>Group %1: its members</source>
        <translation>Groupe %1 : ses membres</translation>
    </message>
    <message>
        <source>You: Kinto keeps the user who saves in write.</source>
        <translation>Vous : Kinto garde en écriture l’utilisateur qui enregistre.</translation>
    </message>
    <message>
        <source>%1 stays in write: Kinto adds the user who saves anyway.</source>
        <translation>%1 reste en écriture : Kinto ajoute de toute façon l’utilisateur qui enregistre.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Someone changed this object after you opened it (HTTP 412): nothing was saved. Your edits are still here; Reload shows the server&apos;s version.</source>
        <translation>Quelqu’un a modifié cet objet après que vous l’avez ouvert (HTTP 412) : rien n’a été enregistré. Vos modifications sont toujours là ; Recharger affiche la version du serveur.</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Impossible d’enregistrer : %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Permissions</translation>
    </message>
    <message>
        <source>Discard your changes to the permissions?</source>
        <translation>Abandonner vos modifications des permissions ?</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Retry after &amp;network errors and timeouts</source>
        <translation>Réessayer après les erreurs &amp;réseau et les délais dépassés</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>A request with its retries and waits fails after this long</source>
        <translation>Une requête, avec ses nouvelles tentatives et attentes, échoue après ce délai</translation>
    </message>
    <message>
        <source>An attempt fails when no data comes for this long</source>
        <translation>Une tentative échoue si aucune donnée n’arrive pendant ce délai</translation>
    </message>
    <message>
        <source>Requests sent at the same time to one tenant; a tenant&apos;s own setting wins</source>
        <translation>Requêtes envoyées simultanément à un même locataire ; le réglage propre d’un locataire l’emporte</translation>
    </message>
    <message>
        <source>Waits between retries: this, then twice as long each time</source>
        <translation>Attente entre les tentatives : cette durée, puis le double à chaque fois</translation>
    </message>
    <message>
        <source> requests</source>
        <translation> requêtes</translation>
    </message>
    <message>
        <source> rows</source>
        <translation> lignes</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Requests (every tenant)</source>
        <translation>Requêtes (tous les locataires)</translation>
    </message>
    <message>
        <source>At most &amp;in flight:</source>
        <translation>Au plus &amp;en cours :</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Délai d’attente :</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>&amp;Échéance :</translation>
    </message>
    <message>
        <source>&amp;Retries:</source>
        <translation>&amp;Nouvelles tentatives :</translation>
    </message>
    <message>
        <source>First retry &amp;after:</source>
        <translation>Première tentative &amp;après :</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <source>Request &amp;log keeps:</source>
        <translation>Le &amp;journal des requêtes garde :</translation>
    </message>
    <message>
        <source>&amp;Page size:</source>
        <translation>Taille de &amp;page :</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>T&amp;hème :</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>create record %1</source>
        <translation>créer l’enregistrement %1</translation>
    </message>
    <message>
        <source>record %1</source>
        <translation>enregistrement %1</translation>
    </message>
    <message>
        <source>edit record %1</source>
        <translation>modifier l’enregistrement %1</translation>
    </message>
    <message>
        <source>delete record %1</source>
        <translation>supprimer l’enregistrement %1</translation>
    </message>
    <message numerus="yes">
        <source>delete %n records</source>
        <translation>
            <numerusform>supprimer %n enregistrement</numerusform>
            <numerusform>supprimer %n enregistrements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Go to</source>
        <translation>Aller à</translation>
    </message>
    <message>
        <source>Go to a tenant or a loaded node…</source>
        <translation>Aller à un locataire ou à un nœud chargé…</translation>
    </message>
    <message>
        <source>Search the loaded tenants and nodes</source>
        <translation>Rechercher parmi les locataires et nœuds chargés</translation>
    </message>
    <message>
        <source>Matching tenants and nodes</source>
        <translation>Locataires et nœuds correspondants</translation>
    </message>
    <message>
        <source>Only rows already listed in the Tenants panel are found.</source>
        <translation>Seules les lignes déjà listées dans le panneau Locataires sont trouvées.</translation>
    </message>
    <message>
        <source>%1  —  %2</source>
        <translation>%1  —  %2</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Delete the record &quot;%1&quot;? Undo re-creates it.</source>
        <translation>Supprimer l’enregistrement « %1 » ? Annuler le recrée.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n records? Undo re-creates them.</source>
        <translation>
            <numerusform>Supprimer %n enregistrement ? Annuler le recrée.</numerusform>
            <numerusform>Supprimer %n enregistrements ? Annuler les recrée.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete records</source>
        <translation>Supprimer des enregistrements</translation>
    </message>
    <message>
        <source>record %1: %2</source>
        <translation>enregistrement %1 : %2</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Non supprimé : %1</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Annuler %1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Rétablir %1</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>New record in %1/%2[*]</source>
        <translation>Nouvel enregistrement dans %1/%2[*]</translation>
    </message>
    <message>
        <source>Record %1 in %2/%3[*]</source>
        <translation>Enregistrement %1 dans %2/%3[*]</translation>
    </message>
    <message>
        <source>Copy of record %1 in %2/%3[*]</source>
        <translation>Copie de l’enregistrement %1 dans %2/%3[*]</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>The collection&apos;s schema could not be read (%1); editing as JSON.</source>
        <translation>Le schéma de la collection n’a pas pu être lu (%1) ; modification en JSON.</translation>
    </message>
    <message>
        <source>The record &quot;%1&quot; no longer exists on the server: it was deleted since the list was loaded.</source>
        <translation>L’enregistrement « %1 » n’existe plus sur le serveur : il a été supprimé depuis le chargement de la liste.</translation>
    </message>
    <message>
        <source>The record could not be loaded: %1</source>
        <translation>L’enregistrement n’a pas pu être chargé : %1</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formulaire</translation>
    </message>
    <message>
        <source>A record is a JSON object: { ... }.</source>
        <translation>Un enregistrement est un objet JSON : { ... }.</translation>
    </message>
    <message>
        <source>The JSON has an error at %1</source>
        <translation>Le JSON contient une erreur à %1</translation>
    </message>
    <message>
        <source>The id cannot be changed (it is &quot;%1&quot;); duplicate the record instead.</source>
        <translation>L’identifiant ne peut pas être changé (il vaut « %1 ») ; dupliquez plutôt l’enregistrement.</translation>
    </message>
    <message>
        <source>No changes to save.</source>
        <translation>Aucune modification à enregistrer.</translation>
    </message>
    <message>
        <source>Saved (an earlier attempt had already reached the server).</source>
        <translation>Enregistré (une tentative précédente avait déjà atteint le serveur).</translation>
    </message>
    <message>
        <source>The record changed on the server since you opened it.</source>
        <translation>L’enregistrement a changé sur le serveur depuis que vous l’avez ouvert.</translation>
    </message>
    <message>
        <source>A record with the id &quot;%1&quot; already exists.</source>
        <translation>Un enregistrement avec l’identifiant « %1 » existe déjà.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Not saved: the record changed on the server. Save again to resolve.</source>
        <translation>Non enregistré : l’enregistrement a changé sur le serveur. Enregistrez de nouveau pour résoudre.</translation>
    </message>
    <message>
        <source>Reloaded the server&apos;s version.</source>
        <translation>Version du serveur rechargée.</translation>
    </message>
</context>
<context>
    <name>RecordExportJob</name>
    <message>
        <source>The Kinto client is gone.</source>
        <translation>Le client Kinto n’existe plus.</translation>
    </message>
    <message>
        <source>Choose the file to export to.</source>
        <translation>Choisissez le fichier vers lequel exporter.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>RecordFormats</name>
    <message>
        <source>line %1: text after a closing quote</source>
        <translation>ligne %1 : du texte après un guillemet fermant</translation>
    </message>
    <message>
        <source>line %1: a quoted field is not closed</source>
        <translation>ligne %1 : un champ entre guillemets n’est pas fermé</translation>
    </message>
    <message>
        <source>the id &quot;%1&quot; appears more than once</source>
        <translation>l’identifiant « %1 » apparaît plus d’une fois</translation>
    </message>
    <message>
        <source>the id must be a string</source>
        <translation>l’identifiant doit être une chaîne</translation>
    </message>
    <message>
        <source>the file must hold a JSON array of records</source>
        <translation>le fichier doit contenir un tableau JSON d’enregistrements</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>pas un objet JSON</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>line 1: the column &quot;%1&quot; appears twice</source>
        <translation>ligne 1 : la colonne « %1 » apparaît deux fois</translation>
    </message>
    <message>
        <source>%1 cells for %2 columns</source>
        <translation>%1 cellules pour %2 colonnes</translation>
    </message>
    <message>
        <source>a value in column %1, which has no name</source>
        <translation>une valeur dans la colonne %1, qui n’a pas de nom</translation>
    </message>
</context>
<context>
    <name>RequestComposer</name>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>New Request — %1</source>
        <translation>Nouvelle requête — %1</translation>
    </message>
    <message>
        <source>A path below the tenant&apos;s address, e.g. /buckets</source>
        <translation>Un chemin sous l’adresse du locataire, p. ex. /buckets</translation>
    </message>
    <message>
        <source>JSON body (POST, PUT, PATCH)</source>
        <translation>Corps JSON (POST, PUT, PATCH)</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>Locataire :</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Méthode :</translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation>&amp;Chemin :</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Corps :</translation>
    </message>
    <message>
        <source>&amp;Response (secrets redacted):</source>
        <translation>&amp;Réponse (secrets masqués) :</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>The tenant is not connected: select it in the Tenants panel first.</source>
        <translation>Le locataire n’est pas connecté : sélectionnez-le d’abord dans le panneau Locataires.</translation>
    </message>
    <message>
        <source>Enter a path, e.g. / or /buckets.</source>
        <translation>Saisissez un chemin, p. ex. / ou /buckets.</translation>
    </message>
    <message>
        <source>The body is not valid JSON: %1 (at character %2).</source>
        <translation>Le corps n’est pas du JSON valide : %1 (au caractère %2).</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>RequestDetails</name>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Tenant: %1</source>
        <translation>Locataire : %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>Début : %1</translation>
    </message>
    <message>
        <source>Dry run: not sent</source>
        <translation>Simulation : non envoyée</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Statut : %1</translation>
    </message>
    <message>
        <source>no HTTP answer</source>
        <translation>pas de réponse HTTP</translation>
    </message>
    <message>
        <source>Duration: %1 ms</source>
        <translation>Durée : %1 ms</translation>
    </message>
    <message>
        <source>Retries: %1</source>
        <translation>Nouvelles tentatives : %1</translation>
    </message>
    <message>
        <source>Sent %1, received %2</source>
        <translation>Envoyé %1, reçu %2</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation>En-têtes de la requête</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Corps de la requête</translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation>En-têtes de la réponse</translation>
    </message>
    <message>
        <source>Response body</source>
        <translation>Corps de la réponse</translation>
    </message>
    <message>
        <source>(bodies cut at %1)</source>
        <translation>(corps tronqués à %1)</translation>
    </message>
</context>
<context>
    <name>RequestInspector</name>
    <message>
        <source>Copy as &amp;curl</source>
        <translation>Copier comme &amp;curl</translation>
    </message>
    <message>
        <source>&amp;New Request…</source>
        <translation>&amp;Nouvelle requête…</translation>
    </message>
    <message>
        <source>Filter by URL, method, status…</source>
        <translation>Filtrer par URL, méthode, statut…</translation>
    </message>
    <message>
        <source>Filter the request log</source>
        <translation>Filtrer le journal des requêtes</translation>
    </message>
    <message>
        <source>Show the requests of a tenant</source>
        <translation>Afficher les requêtes d’un locataire</translation>
    </message>
    <message>
        <source>All tenants</source>
        <translation>Tous les locataires</translation>
    </message>
    <message>
        <source>Show the requests with an outcome</source>
        <translation>Afficher les requêtes selon leur issue</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tout statut</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Réussies</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouées</translation>
    </message>
    <message>
        <source>4xx</source>
        <translation>4xx</translation>
    </message>
    <message>
        <source>5xx</source>
        <translation>5xx</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Sans réponse</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Remove every entry from the request log</source>
        <translation>Vider le journal des requêtes</translation>
    </message>
    <message>
        <source>Copy the selected request as a curl command; secrets are left as %1</source>
        <translation>Copier la requête sélectionnée comme commande curl ; les secrets sont remplacés par %1</translation>
    </message>
    <message>
        <source>Send a request of your own through the current tenant&apos;s session</source>
        <translation>Envoyer une requête de votre choix par la session du locataire courant</translation>
    </message>
    <message>
        <source>Details of the selected request</source>
        <translation>Détails de la requête sélectionnée</translation>
    </message>
    <message>
        <source>Select a request to see its headers and bodies.</source>
        <translation>Sélectionnez une requête pour voir ses en-têtes et ses corps.</translation>
    </message>
    <message>
        <source>Requests sent</source>
        <translation>Requêtes envoyées</translation>
    </message>
</context>
<context>
    <name>RequestLogModel</name>
    <message>
        <source>dry run</source>
        <translation>simulation</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 o</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Dry run: not sent</source>
        <translation>Simulation : non envoyée</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Size (in/out)</source>
        <translation>Taille (reçu/envoyé)</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Locataire</translation>
    </message>
</context>
<context>
    <name>RestClient</name>
    <message>
        <source>The tenant&apos;s session is closed.</source>
        <translation>La session du locataire est fermée.</translation>
    </message>
    <message>
        <source>JSON serialisation is off for this tenant: give the body as text or bytes.</source>
        <translation>La sérialisation JSON est désactivée pour ce locataire : donnez le corps comme texte ou comme octets.</translation>
    </message>
    <message>
        <source>The server refused the credentials: %1</source>
        <translation>Le serveur a refusé les identifiants : %1</translation>
    </message>
    <message>
        <source>The base URL answered HTTP %1; the API may have no root document.</source>
        <translation>L’URL de base a répondu HTTP %1 ; l’API n’a peut-être pas de document racine.</translation>
    </message>
    <message>
        <source>Plain http: requests and credentials travel unencrypted.</source>
        <translation>http simple : les requêtes et les identifiants circulent sans chiffrement.</translation>
    </message>
</context>
<context>
    <name>RestConnectionController</name>
    <message>
        <source>Enter an http:// or https:// address with a host name, e.g. https://api.example.org/v1.</source>
        <translation>Saisissez une adresse http:// ou https:// avec un nom d’hôte, p. ex. https://api.example.org/v1.</translation>
    </message>
    <message>
        <source>The address must not hold credentials or a #fragment: enter credentials on the next page.</source>
        <translation>L’adresse ne doit contenir ni identifiants ni #fragment : saisissez les identifiants à la page suivante.</translation>
    </message>
    <message>
        <source>The OpenAPI document is larger than 16 MiB.</source>
        <translation>Le document OpenAPI dépasse 16 Mio.</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: %2</source>
        <translation>Impossible de lire « %1 » : %2</translation>
    </message>
    <message>
        <source>Signing in in the browser needs the OAuth2 authorization-code grant.</source>
        <translation>La connexion dans le navigateur nécessite l’octroi OAuth2 « authorization code ».</translation>
    </message>
</context>
<context>
    <name>RestConnectionWizard</name>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Basic (user and password)</source>
        <translation>Basic (utilisateur et mot de passe)</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Jeton Bearer</translation>
    </message>
    <message>
        <source>API key in a header</source>
        <translation>Clé d’API dans un en-tête</translation>
    </message>
    <message>
        <source>API key in the query</source>
        <translation>Clé d’API dans la requête</translation>
    </message>
    <message>
        <source>OAuth2 client credentials</source>
        <translation>OAuth2 « client credentials »</translation>
    </message>
    <message>
        <source>OAuth2 password</source>
        <translation>OAuth2 « password »</translation>
    </message>
    <message>
        <source>OAuth2 sign-in in the browser (PKCE)</source>
        <translation>Connexion OAuth2 dans le navigateur (PKCE)</translation>
    </message>
    <message>
        <source>Add REST API tenant</source>
        <translation>Ajouter un locataire d’API REST</translation>
    </message>
    <message>
        <source>Edit REST API tenant</source>
        <translation>Modifier le locataire d’API REST</translation>
    </message>
    <message>
        <source>(unchanged: kept in the keychain)</source>
        <translation>(inchangé : conservé dans le trousseau)</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>Adresse de l’API</translation>
    </message>
    <message>
        <source>The base URL every resource path is relative to.</source>
        <translation>L’URL de base à laquelle chaque chemin de ressource est relatif.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>URL de base :</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>Secrets go to the system keychain only.</source>
        <translation>Les secrets vont uniquement dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Sign in in the browser…</source>
        <translation>Se connecter dans le navigateur…</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Méthode :</translation>
    </message>
    <message>
        <source>User or client id:</source>
        <translation>Utilisateur ou identifiant client :</translation>
    </message>
    <message>
        <source>Password, token or key:</source>
        <translation>Mot de passe, jeton ou clé :</translation>
    </message>
    <message>
        <source>Client secret:</source>
        <translation>Secret client :</translation>
    </message>
    <message>
        <source>Key name:</source>
        <translation>Nom de la clé :</translation>
    </message>
    <message>
        <source>Token URL:</source>
        <translation>URL du jeton :</translation>
    </message>
    <message>
        <source>Authorization URL:</source>
        <translation>URL d’autorisation :</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>Portée :</translation>
    </message>
    <message>
        <source>User (password grant):</source>
        <translation>Utilisateur (octroi « password ») :</translation>
    </message>
    <message>
        <source>Connection check</source>
        <translation>Vérification de la connexion</translation>
    </message>
    <message>
        <source>(the base URL)</source>
        <translation>(l’URL de base)</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Path to ask:</source>
        <translation>Chemin à interroger :</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressources</translation>
    </message>
    <message>
        <source>Import them from an OpenAPI document, or name the collections by hand.</source>
        <translation>Importez-les depuis un document OpenAPI, ou nommez les collections à la main.</translation>
    </message>
    <message>
        <source>OpenAPI document: URL or file</source>
        <translation>Document OpenAPI : URL ou fichier</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Fichier…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Id field</source>
        <translation>Champ identifiant</translation>
    </message>
    <message>
        <source>Items at</source>
        <translation>Éléments sous</translation>
    </message>
    <message>
        <source>Paging</source>
        <translation>Pagination</translation>
    </message>
    <message>
        <source>Paging parameters</source>
        <translation>Paramètres de pagination</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Taille de page</translation>
    </message>
    <message>
        <source>Items at: empty when the answer is the list, else its key (data, results). Paging: none, page, offset, next or link. Parameters: page,size or offset,limit; for next, where the next URL sits (links.next).</source>
        <translation>Éléments sous : vide quand la réponse est la liste, sinon sa clé (data, results). Pagination : none, page, offset, next ou link. Paramètres : page,size ou offset,limit ; pour next, l’emplacement de l’URL suivante (links.next).</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>OpenAPI document</source>
        <translation>Document OpenAPI</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Ligne %1 : %2</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>The check failed: %1</source>
        <translation>La vérification a échoué : %1</translation>
    </message>
    <message>
        <source>Connected (%1).</source>
        <translation>Connecté (%1).</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Serveur : %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Remarque : %1</translation>
    </message>
    <message>
        <source>Enter the URL or file of an OpenAPI document.</source>
        <translation>Saisissez l’URL ou le fichier d’un document OpenAPI.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <source>Could not import: %1</source>
        <translation>Import impossible : %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2: %n collection(s) found.</source>
        <translation>
            <numerusform>%1 %2 : %n collection trouvée.</numerusform>
            <numerusform>%1 %2 : %n collections trouvées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the browser…</source>
        <translation>En attente du navigateur…</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Échec de la connexion : %1</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Connecté.</translation>
    </message>
    <message>
        <source>The tenant was not added: %1</source>
        <translation>Le locataire n’a pas été ajouté : %1</translation>
    </message>
    <message>
        <source>The tenant was not saved: %1</source>
        <translation>Le locataire n’a pas été enregistré : %1</translation>
    </message>
</context>
<context>
    <name>RestFamily</name>
    <message>
        <source>any JSON REST API: resources named by hand or read from OpenAPI</source>
        <translation>toute API REST JSON : ressources nommées à la main ou lues depuis OpenAPI</translation>
    </message>
</context>
<context>
    <name>RestItemEditor</name>
    <message>
        <source>New item in %1[*]</source>
        <translation>Nouvel élément dans %1[*]</translation>
    </message>
    <message>
        <source>%1 %2[*]</source>
        <translation>%1 %2[*]</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formulaire</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Replace the whole item (PUT) instead of changing fields (PATCH)</source>
        <translation>Remplacer l’élément entier (PUT) au lieu de modifier des champs (PATCH)</translation>
    </message>
    <message>
        <source>an item is a JSON object { ... }</source>
        <translation>un élément est un objet JSON { ... }</translation>
    </message>
    <message>
        <source>The JSON is not valid (%1).</source>
        <translation>Le JSON n’est pas valide (%1).</translation>
    </message>
    <message>
        <source>The tenant&apos;s session is closed.</source>
        <translation>La session du locataire est fermée.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>RestResource</name>
    <message>
        <source>A resource needs a collection path such as /users.</source>
        <translation>Une ressource a besoin d’un chemin de collection comme /users.</translation>
    </message>
    <message>
        <source>Unknown paging &quot;%1&quot; (none, page, offset, next or link).</source>
        <translation>Pagination inconnue « %1 » (none, page, offset, next ou link).</translation>
    </message>
    <message>
        <source>The answer is not a JSON array; name the key that holds the items.</source>
        <translation>La réponse n’est pas un tableau JSON ; nommez la clé qui contient les éléments.</translation>
    </message>
    <message>
        <source>The answer has no array at &quot;%1&quot;.</source>
        <translation>La réponse n’a pas de tableau sous « %1 ».</translation>
    </message>
</context>
<context>
    <name>RestResourcePage</name>
    <message>
        <source>Load more</source>
        <translation>Charger plus</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nouveau…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Could not list %1: %2</source>
        <translation>Impossible de lister %1 : %2</translation>
    </message>
    <message>
        <source>%1 of %2 items</source>
        <translation>%1 éléments sur %2</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n élément</numerusform>
            <numerusform>%n éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation>Supprimer l’élément</translation>
    </message>
    <message>
        <source>Delete %1 %2 on the server?</source>
        <translation>Supprimer %1 %2 sur le serveur ?</translation>
    </message>
    <message>
        <source>Could not delete: %1</source>
        <translation>Impossible de supprimer : %1</translation>
    </message>
</context>
<context>
    <name>RestSession</name>
    <message>
        <source>The session is closed.</source>
        <translation>La session est fermée.</translation>
    </message>
</context>
<context>
    <name>RestSettings</name>
    <message>
        <source>The timeout must be a whole number of seconds, at least 1.</source>
        <translation>Le délai d’attente doit être un nombre entier de secondes, au moins 1.</translation>
    </message>
    <message>
        <source>Retries must be between 0 and 20.</source>
        <translation>Les nouvelles tentatives doivent être entre 0 et 20.</translation>
    </message>
    <message>
        <source>The backoff factor must be between 0 and 60.</source>
        <translation>Le facteur d’attente doit être entre 0 et 60.</translation>
    </message>
    <message>
        <source>Retry statuses must be HTTP statuses (100-599).</source>
        <translation>Les statuts de nouvelle tentative doivent être des statuts HTTP (100-599).</translation>
    </message>
    <message>
        <source>Ignored statuses must be HTTP statuses (100-599).</source>
        <translation>Les statuts ignorés doivent être des statuts HTTP (100-599).</translation>
    </message>
</context>
<context>
    <name>RestSettingsForm</name>
    <message>
        <source>Connection settings</source>
        <translation>Réglages de connexion</translation>
    </message>
    <message>
        <source>Error statuses are errors, except:</source>
        <translation>Les statuts d’erreur sont des erreurs, sauf :</translation>
    </message>
    <message>
        <source>Send bodies as JSON</source>
        <translation>Envoyer les corps en JSON</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>e.g. 404, 409</source>
        <translation>p. ex. 404, 409</translation>
    </message>
    <message>
        <source>SHA-256 of a self-signed certificate (optional)</source>
        <translation>SHA-256 d’un certificat auto-signé (facultatif)</translation>
    </message>
    <message>
        <source>Certificates are always verified; a pin accepts exactly this one certificate.</source>
        <translation>Les certificats sont toujours vérifiés ; un épinglage accepte exactement ce certificat.</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Délai d’attente :</translation>
    </message>
    <message>
        <source>Retries:</source>
        <translation>Nouvelles tentatives :</translation>
    </message>
    <message>
        <source>Backoff factor:</source>
        <translation>Facteur d’attente :</translation>
    </message>
    <message>
        <source>Retry on statuses:</source>
        <translation>Réessayer sur les statuts :</translation>
    </message>
    <message>
        <source>Certificate pin:</source>
        <translation>Certificat épinglé :</translation>
    </message>
    <message>
        <source>Retry on statuses: enter HTTP statuses (100–599) separated by commas.</source>
        <translation>Réessayer sur les statuts : saisissez des statuts HTTP (100–599) séparés par des virgules.</translation>
    </message>
    <message>
        <source>Ignored statuses: enter HTTP statuses (100–599) separated by commas.</source>
        <translation>Statuts ignorés : saisissez des statuts HTTP (100–599) séparés par des virgules.</translation>
    </message>
    <message>
        <source>Certificate pin: enter the certificate&apos;s SHA-256 fingerprint (64 hex digits, colons allowed).</source>
        <translation>Certificat épinglé : saisissez l’empreinte SHA-256 du certificat (64 chiffres hexadécimaux, deux-points permis).</translation>
    </message>
</context>
<context>
    <name>RestTenant</name>
    <message>
        <source>The tenant&apos;s resources are not a JSON array: %1</source>
        <translation>Les ressources du locataire ne sont pas un tableau JSON : %1</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; has no valid token URL.</source>
        <translation>Le locataire « %1 » n’a pas d’URL de jeton valide.</translation>
    </message>
    <message>
        <source>The authorization details (RAR) of tenant &quot;%1&quot; are not a JSON array.</source>
        <translation>Les détails d’autorisation (RAR) du locataire « %1 » ne sont pas un tableau JSON.</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot;: an API key goes in a &quot;header&quot; or &quot;query&quot; item with a name.</source>
        <translation>Locataire « %1 » : une clé d’API va dans un élément « header » ou « query » avec un nom.</translation>
    </message>
</context>
<context>
    <name>SchemaForm</name>
    <message>
        <source>JSON value</source>
        <translation>Valeur JSON</translation>
    </message>
    <message>
        <source>whole number</source>
        <translation>nombre entier</translation>
    </message>
    <message>
        <source>number</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nom@example.org</translation>
    </message>
    <message>
        <source>https://</source>
        <translation>https://</translation>
    </message>
    <message>
        <source>Date and time in UTC</source>
        <translation>Date et heure en UTC</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Leave the date out</source>
        <translation>Ne pas indiquer la date</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
</context>
<context>
    <name>ServiceFamilies</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 et %2</translation>
    </message>
</context>
<context>
    <name>ServiceIdentity</name>
    <message>
        <source>anonymous</source>
        <translation>anonyme</translation>
    </message>
    <message>
        <source>signed in as %1</source>
        <translation>connecté en tant que %1</translation>
    </message>
</context>
<context>
    <name>SessionManager</name>
    <message>
        <source>There is no tenant with id &quot;%1&quot;.</source>
        <translation>Il n’y a pas de locataire avec l’identifiant « %1 ».</translation>
    </message>
    <message>
        <source>No %1 is stored for tenant &quot;%2&quot;: edit the tenant to enter it.</source>
        <translation>Aucun %1 n’est enregistré pour le locataire « %2 » : modifiez le locataire pour le saisir.</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; has no valid token URL.</source>
        <translation>Le locataire « %1 » n’a pas d’URL de jeton valide.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the running job</source>
        <translation>Annuler la tâche en cours</translation>
    </message>
    <message>
        <source>1 request in flight</source>
        <translation>1 requête en cours</translation>
    </message>
    <message>
        <source>%1 requests in flight</source>
        <translation>%1 requêtes en cours</translation>
    </message>
    <message>
        <source>%1, %2 queued</source>
        <translation>%1, %2 en attente</translation>
    </message>
    <message>
        <source>%1: %2 running, %3 queued</source>
        <translation>%1 : %2 en cours, %3 en attente</translation>
    </message>
    <message>
        <source>%1: %2 running</source>
        <translation>%1 : %2 en cours</translation>
    </message>
    <message>
        <source> (+%1 more)</source>
        <translation> (+%1 de plus)</translation>
    </message>
</context>
<context>
    <name>StatusReporter</name>
    <message>
        <source>%1: done</source>
        <translation>%1 : terminé</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1 : annulé</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué : %2</translation>
    </message>
</context>
<context>
    <name>StringListEdit</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
</context>
<context>
    <name>TenantCommands</name>
    <message>
        <source>&amp;Add Tenant…</source>
        <translation>&amp;Ajouter un locataire…</translation>
    </message>
    <message>
        <source>Add an account on a %1 service</source>
        <translation>Ajouter un compte sur un service %1</translation>
    </message>
    <message>
        <source>&amp;Edit Tenant…</source>
        <translation>&amp;Modifier le locataire…</translation>
    </message>
    <message>
        <source>Change the tenant&apos;s name, address or credentials</source>
        <translation>Changer le nom, l’adresse ou les identifiants du locataire</translation>
    </message>
    <message>
        <source>&amp;Remove Tenant…</source>
        <translation>&amp;Supprimer le locataire…</translation>
    </message>
    <message>
        <source>Remove the tenant and its secrets from the keychain</source>
        <translation>Supprimer le locataire et ses secrets du trousseau</translation>
    </message>
    <message>
        <source>Re&amp;connect</source>
        <translation>Re&amp;connecter</translation>
    </message>
    <message>
        <source>Close the tenant&apos;s session and connect again</source>
        <translation>Fermer la session du locataire et se reconnecter</translation>
    </message>
    <message>
        <source>Add Tenant</source>
        <translation>Ajouter un locataire</translation>
    </message>
    <message>
        <source>What kind of service is the tenant on?</source>
        <translation>Sur quel type de service se trouve le locataire ?</translation>
    </message>
    <message>
        <source>Remove the tenant &quot;%1&quot; (%2)?</source>
        <translation>Supprimer le locataire « %1 » (%2) ?</translation>
    </message>
    <message>
        <source>Remove the tenant &quot;%1&quot; (%2)?

Its secrets (%3) are deleted from the keychain. Nothing on the server changes.</source>
        <translation>Supprimer le locataire « %1 » (%2) ?

Ses secrets (%3) sont effacés du trousseau. Rien ne change sur le serveur.</translation>
    </message>
    <message>
        <source>Remove Tenant</source>
        <translation>Supprimer le locataire</translation>
    </message>
    <message>
        <source>The tenant &quot;%1&quot; was not removed: %2</source>
        <translation>Le locataire « %1 » n’a pas été supprimé : %2</translation>
    </message>
</context>
<context>
    <name>TenantConnector</name>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
</context>
<context>
    <name>TenantPage</name>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>Connecté en tant que :</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonyme</translation>
    </message>
    <message>
        <source>Authenticated by:</source>
        <translation>Authentifié par :</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <source>Capabilities:</source>
        <translation>Capacités :</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Service :</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL :</translation>
    </message>
    <message>
        <source>Expand the tenant in the Tenants panel to browse it.</source>
        <translation>Dépliez le locataire dans le panneau Locataires pour le parcourir.</translation>
    </message>
</context>
<context>
    <name>TenantRegistry</name>
    <message>
        <source>No tenant with id %1</source>
        <translation>Aucun locataire avec l’identifiant %1</translation>
    </message>
    <message>
        <source>The tenant id &quot;%1&quot; may only contain letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>L’identifiant de locataire « %1 » ne peut contenir que des lettres, des chiffres, « . », « _ » et « - ».</translation>
    </message>
    <message>
        <source>The tenant needs a name.</source>
        <translation>Le locataire a besoin d’un nom.</translation>
    </message>
    <message>
        <source>The tenant needs a service family (e.g. &quot;kinto&quot;).</source>
        <translation>Le locataire a besoin d’une famille de services (p. ex. « kinto »).</translation>
    </message>
    <message>
        <source>The base URL must be an http:// or https:// address with a host name (got &quot;%1&quot;).</source>
        <translation>L’URL de base doit être une adresse http:// ou https:// avec un nom d’hôte (reçu « %1 »).</translation>
    </message>
    <message>
        <source>A tenant with id %1 already exists.</source>
        <translation>Un locataire avec l’identifiant %1 existe déjà.</translation>
    </message>
    <message>
        <source>The tenant has secrets but no secret store was given.</source>
        <translation>Le locataire a des secrets mais aucun magasin de secrets n’a été donné.</translation>
    </message>
    <message>
        <source>The tenant registry was closed.</source>
        <translation>Le registre des locataires a été fermé.</translation>
    </message>
    <message>
        <source>Secrets were stored for the tenant while it was being removed.</source>
        <translation>Des secrets ont été enregistrés pour le locataire pendant sa suppression.</translation>
    </message>
    <message>
        <source>A secret needs a purpose and a secret store.</source>
        <translation>Un secret a besoin d’un usage et d’un magasin de secrets.</translation>
    </message>
    <message>
        <source>No secret store was given.</source>
        <translation>Aucun magasin de secrets n’a été donné.</translation>
    </message>
    <message>
        <source>Could not write the tenant settings to %1.</source>
        <translation>Impossible d’écrire les réglages des locataires dans %1.</translation>
    </message>
</context>
<context>
    <name>TenantTreeModel</name>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Connected, with a warning</source>
        <translation>Connecté, avec un avertissement</translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation>Échec de l’authentification</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Not supported</source>
        <translation>Non pris en charge</translation>
    </message>
    <message>
        <source>This version of TenantDesk does not support &quot;%1&quot; tenants; the tenant is kept as it is.</source>
        <translation>Cette version de TenantDesk ne prend pas en charge les locataires « %1 » ; le locataire est conservé tel quel.</translation>
    </message>
    <message>
        <source>%1
%2 · %3
%4</source>
        <translation>%1
%2 · %3
%4</translation>
    </message>
    <message>
        <source>Could not load: %1</source>
        <translation>Chargement impossible : %1</translation>
    </message>
    <message>
        <source>Choose Refresh to try again.</source>
        <translation>Choisissez Actualiser pour réessayer.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message>
        <source>No changes to chart</source>
        <translation>Aucune modification à représenter</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n change(s)</source>
        <translation>
            <numerusform>%1 : %n modification</numerusform>
            <numerusform>%1 : %n modifications</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserUrl</name>
    <message>
        <source>the server address is empty</source>
        <translation>l’adresse du serveur est vide</translation>
    </message>
    <message>
        <source>the server address &quot;%1&quot; contains spaces or control characters</source>
        <translation>l’adresse du serveur « %1 » contient des espaces ou des caractères de contrôle</translation>
    </message>
    <message>
        <source>the server address &quot;%1&quot; has a malformed scheme: write http://… or https://…</source>
        <translation>l’adresse du serveur « %1 » a un schéma mal formé : écrivez http://… ou https://…</translation>
    </message>
    <message>
        <source>the server address &quot;%1&quot; is not a valid URL (%2)</source>
        <translation>l’adresse du serveur « %1 » n’est pas une URL valide (%2)</translation>
    </message>
    <message>
        <source>the server address &quot;%1&quot; must start with http:// or https://</source>
        <translation>l’adresse du serveur « %1 » doit commencer par http:// ou https://</translation>
    </message>
    <message>
        <source>the server address &quot;%1&quot; has no host name</source>
        <translation>l’adresse du serveur « %1 » n’a pas de nom d’hôte</translation>
    </message>
    <message>
        <source>the server address must not carry a user name or password; give them as credentials</source>
        <translation>l’adresse du serveur ne doit porter ni nom d’utilisateur ni mot de passe ; donnez-les comme identifiants</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A desktop console for the tenants of Kinto, Jamf Pro, Kandji and JSON REST services.</source>
        <translation>Une console de bureau pour les locataires des services Kinto, Jamf Pro, Kandji et REST JSON.</translation>
    </message>
    <message>
        <source>Start on the embedded demo sandbox servers (tenants and secrets in memory only).</source>
        <translation>Démarrer sur les serveurs de démonstration intégrés (locataires et secrets en mémoire seulement).</translation>
    </message>
    <message>
        <source>Select and connect the tenant with this id or display name.</source>
        <translation>Sélectionner et connecter le locataire ayant cet identifiant ou ce nom.</translation>
    </message>
    <message>
        <source>Reset the window layout and the preferences to their defaults (tenants and secrets are kept), after asking; then quit.</source>
        <translation>Rétablir la disposition de la fenêtre et les préférences par défaut (locataires et secrets conservés), après confirmation ; puis quitter.</translation>
    </message>
    <message>
        <source>Answer yes to --reset-settings&apos; question.</source>
        <translation>Répondre oui à la question de --reset-settings.</translation>
    </message>
    <message>
        <source>Connect every tenant, save screenshots of the window, pages and wizards into &lt;dir&gt; and quit (exit 0; 1 on a failure or after 120 s). For the test command.</source>
        <translation>Connecter chaque locataire, enregistrer des captures de la fenêtre, des pages et des assistants dans &lt;dir&gt; et quitter (code 0 ; 1 en cas d’échec ou après 120 s). Pour la commande de test.</translation>
    </message>
    <message>
        <source>Use this language (e.g. fr, en) instead of the system&apos;s (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).</source>
        <translation>Utiliser cette langue (p. ex. fr, en) au lieu de celle du système (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).</translation>
    </message>
    <message>
        <source>Reset TenantDesk&apos;s settings (window layout and preferences) in %1?
Your tenants and their secrets are kept. [y/N]</source>
        <translation>Réinitialiser les paramètres de TenantDesk (disposition de la fenêtre et préférences) dans %1 ?
Vos locataires et leurs secrets sont conservés. [o/N]</translation>
    </message>
    <message>
        <source>y</source>
        <comment>the one-letter answer yes to [y/N]</comment>
        <translation>o</translation>
    </message>
    <message>
        <source>yes</source>
        <comment>the answer yes to [y/N], in full</comment>
        <translation>oui</translation>
    </message>
    <message>
        <source>No answer: nothing was reset (--yes answers yes).</source>
        <translation>Pas de réponse : rien n’a été réinitialisé (--yes répond oui).</translation>
    </message>
    <message>
        <source>Nothing was reset.</source>
        <translation>Rien n’a été réinitialisé.</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>impossible d’écrire %1</translation>
    </message>
    <message>
        <source>The settings were reset.</source>
        <translation>Les paramètres ont été réinitialisés.</translation>
    </message>
    <message>
        <source>cannot create a temporary directory for the demo: %1</source>
        <translation>impossible de créer un dossier temporaire pour la démonstration : %1</translation>
    </message>
    <message>
        <source>cannot start the demo: %1</source>
        <translation>impossible de démarrer la démonstration : %1</translation>
    </message>
    <message>
        <source>no tenant has the id or name &quot;%1&quot;; the tenants are: %2</source>
        <translation>aucun locataire n’a l’identifiant ou le nom « %1 » ; les locataires sont : %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
</context>
</TS>
