<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AssignmentDialog</name>
    <message>
        <source>New assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names, separated by 、</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspectors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignmentsPanel</name>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New assignment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start the re-inspection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or double-click it; it shows only the items to verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assignments (%1 open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assignments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned: to be changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Re-inspection of %n item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Done: inspected %1, score %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue: not inspected by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignments travel to the laptops with the next assignment bundle, with the last inspection of each assigned site (its open items). One is done once the laptop&apos;s results with its inspection are imported here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignments from the county office (they arrive with its bundles). One is done once its site&apos;s inspection is completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A re-inspection (复查) shows only the items to verify: start it here or from its site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to start the re-inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to open the inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspection in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site has an inspection in progress (%1): finish it before the re-inspection. Open it now?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup of the database is made before every database upgrade, every sync import that changes something and every restore. The newest 10 are kept, and the newest of each month for a year. Restoring one replaces everything saved after it; the current data is first kept as a new backup, so a restore can be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the backups &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing the backup with the current data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the current data by the backup of %1 (%2)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current database cannot be read, so what it holds beyond the backup cannot be listed. It is kept, as it is, in the backups folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been saved since this backup was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These will lose what was saved after %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>• and %n more inspection(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n site(s) added or changed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sync bundle(s) written or imported</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The current data is first kept as a new backup, so this can be undone. The program then starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was restored. The data as it was before is kept as the backup %1. The program now starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CampaignDrawDialog</name>
    <message>
        <source>New campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 2026 autumn supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inspector list (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns 姓名 (name), 上限 (cap), 回避场所 (sites to step aside from), 回避乡镇 (townships)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No list chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps aside from (回避)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Township</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rint draw record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which inspector list?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n inspector(s), %2 with sites to step aside from</source>
        <translation>
            <numerusform>%1: %n inspector, %2 with sites to step aside from</numerusform>
            <numerusform>%1: %n inspectors, %2 with sites to step aside from</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the inspector list and the rules, then Draw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not drawn yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the inspector list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Seed %1 · %n site(s) drawn · fingerprint %2…</source>
        <translation>
            <numerusform>Seed %1 · %n site drawn · fingerprint %2…</numerusform>
            <numerusform>Seed %1 · %n sites drawn · fingerprint %2…</numerusform>
        </translation>
    </message>
    <message>
        <source>Drawn of those in scope: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the draw record as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw record %1.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the campaign a name first: it is printed on the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw record written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CampaignKinds</name>
    <message>
        <source>comprehensive supervision</source>
        <extracomment>Groups named in the summary above the drawn sites (all of them in its tooltip).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>special supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-inspection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CampaignsTab</name>
    <message>
        <source>Campaign</source>
        <extracomment>The columns of assignment counts, in this order.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaign yet. A campaign draws the sites to inspect and pairs each with inspectors at random (双随机); its assignments travel to the laptops with the next assignment bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New campaign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the &amp;draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the selected campaign&apos;s draw again from what it recorded and compare the pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Campaign “%1” saved with %n assignment(s); they travel to the laptops with the next assignment bundle.</source>
        <translation>
            <numerusform>Campaign “%1” saved with %n assignment; they travel to the laptops with the next assignment bundle.</numerusform>
            <numerusform>Campaign “%1” saved with %n assignments; they travel to the laptops with the next assignment bundle.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the draw of “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draw of “%1”, made again from its record (seed %2), gives the same sites and inspectors: it is identical.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draw of “%1”, made again from its record (seed %2), gives different pairs: the record does not match what was kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Photo file missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo file damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broken references</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress of the check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch photos from a &amp;bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch photos from a &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove them from inspections in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a bac&amp;kup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the database and every photo file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check could not be finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All well: the database is intact and all %n photo file(s) match their records.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is damaged or incomplete. Restore a backup made before the damage: the current data is kept as a backup first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos can be fetched back from a sync bundle exported after they were taken, or from a folder holding the original files (only files with exactly the recorded content are taken).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) without a good file belong to inspections in progress and can be removed from them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) without a good file belong to completed inspections: fetch them back, or reopen the inspection to remove them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Fetch photos from a bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync bundles (*.inspector-bundle *.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch photos from a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1 and fetching the photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n photo file(s) fetched back.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were not found there.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Fetch photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n photo(s) without a good file from the inspections in progress? Completed inspections are not changed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Removing the photos…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <source>← Site &amp;list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criteria rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the date, the inspectors and the site staff of this inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fi&amp;nish…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verifies %1 rectification item(s) found on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verifies %1 rectification item(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 items checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overall comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conclusion of the whole visit: what is good, what must be improved and by when. It is printed in the report; finishing the inspection asks for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: the station is well run; its volunteer team should be recorded by the end of the year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reopen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: 1 rectified · 2 not rectified · Ctrl+↓/↑ next/previous item · F2 note · Esc leave the note · Ctrl+I add photos after the rectification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: 1–4 rate · Ctrl+↓/↑ next/previous criterion · Ctrl+PgDn/PgUp next/previous indicator · F2 note · Esc leave the note · Ctrl+I add photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspectors: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site staff: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisit of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only. Reopen it to change anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General photos of the visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved!</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompleteReinspectionDialog</name>
    <message>
        <source>Complete the re-inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) rectified</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) not rectified</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Verdicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The county office closes the rectified items and keeps the others open once it has approved the re-inspection. After completing, it is read-only unless reopened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter who completes the re-inspection.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompliancePanel</name>
    <message>
        <source>Compliance by tier and township</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend of the compliance bars</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the version shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the &amp;other version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Conflicts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts. Records changed on both sides would be listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) were changed both here and on the other side. Both versions are kept; choose which one is right.</source>
        <translation>
            <numerusform>%n record was changed both here and on the other side. Both versions are kept; choose which one is right.</numerusform>
            <numerusform>%n records were changed both here and on the other side. Both versions are kept; choose which one is right.</numerusform>
        </translation>
    </message>
    <message>
        <source>The other version came from “%1”, found %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>county college</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>township school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>village station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the version shown now and set the other one aside for good?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace what is shown now with the other version? The version shown now is set aside for good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve the conflict</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoveragePanel</name>
    <message>
        <source>Coverage by tier and township</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend of the coverage bars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inspected in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage: sites inspected in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites never inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Years without a result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not inspected for more &amp;than:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites not inspected for years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long unvisited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never inspected (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long unvisited (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CriterionCard</name>
    <message>
        <source>Criterion %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: what was seen, what is missing (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This rating needs a note saying why the criterion does not apply here (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This rating needs a note saying what is missing (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last visit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 characters: shorten the note, it is saved once it fits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataCare</name>
    <message>
        <source>&amp;Check the data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program could not be started again; please start it yourself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DevicesTab</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspectors using it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who &amp;uses this laptop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An assignment bundle for this laptop carries only these inspectors&apos; assignments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revoke the selected device…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>county office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>、</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse all bundles from “%1” from now on? What it sent before stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspectors using a laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a field laptop in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who uses “%1”? Names separated by 、 or commas (empty: nobody):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawForm</name>
    <message>
        <source>Inspectors per site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspectors per si&amp;te:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: chosen at random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A whole number or a short text. The same seed, registry, inspectors and rules always give the same draw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Townships (none ticked: every township):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Townships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sites in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number per group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A share per group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites per group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share per group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rounded up: 30% of 3 sites is 1 site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the whole scope is one group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each township</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each tier within each township</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Groups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one tier.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>Permission denied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder is needed here, but this is a file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full. Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read or written%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorReportDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Everything saved before this moment is kept.
Please copy the report below and send it to the people who support this program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangeTab</name>
    <message>
        <source>Waiting to be sent</source>
        <extracomment>Inspections waiting to be sent that the tab names; the rest are counted. What importing a bundle may change here.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport a bundle to a folder or USB drive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignments and receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bundle for one laptop carries only its inspectors&apos; assignments, the inspections it sent that were returned, and the items it is to re-inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything, not only what the office has not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import a bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Exchange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for every laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for “%1” only</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Waiting to be sent: %n assignment(s) not sent to the laptops yet.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Every assignment has been sent to the laptops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting to be sent: %n completed inspection(s) (%1) with %2 new photo(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing new to send: every completed inspection has been sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n inspection(s) sent but not yet confirmed by the office go again with the next bundle.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n inspection(s) still in progress will be sent once completed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle written and checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the bundle… (nothing is written yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked. Nothing is written until you choose Import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This bundle was imported before; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the right versions on the Conflicts tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) deleted here came back because they were changed elsewhere; delete them again if they are not wanted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled. Nothing was left behind.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FolderMessage</name>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file manager could show the folder. The program&apos;s data (database, photos, backups) is here:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy the path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder is %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GripHandle</name>
    <message>
        <source>Drag to widen or narrow the site list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeatModel</name>
    <message>
        <source>Site</source>
        <extracomment>A cell&apos;s score for the delegate: a number 0..1, ``NO_SCORE`` when nothing was counted, None for the site&apos;s name. The bands&apos; lower bounds, best first, and their colours (ColorBrewer &quot;Blues&quot;): the further below full marks, the deeper the blue.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (click to sort by it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · visited %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2: %3 (visited %4; double-click to open the inspection)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeatPanel</name>
    <message>
        <source>Each site&apos;s score by second-level indicator, best sites first; double-click a cell (or press Enter) to open the site&apos;s inspection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heat map of scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— grey, hatched: nothing counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend of the heat map&apos;s colours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed by the office / changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>His&amp;tory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not confirmed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new %1, updated %2, conflicts %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratings and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict: changed on both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already here, unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted here, stays deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted here, comes back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>brought back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (%3, %4)</source>
        <extracomment>Inspections named in the message after an import; the rest are counted.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and %n more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %n inspection(s): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %n assignment(s): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: %1 new records, %2 updated, %3 conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n new photo(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import bundle — preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inspection results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assignments from the county office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt from the county office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle no. %1 with %2 from “%3”, made %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop is not trusted yet. Compare its fingerprint with the one shown on the laptop (Sync screen) before importing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the first bundle from the county office. Its key will be remembered; compare the fingerprint with the office (by phone or on paper):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I compared the fingerprint and it is the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This bundle was imported already; importing it again changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identical records (nothing to do)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts (changed on both sides; both kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos already here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted here, not brought back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted here but changed elsewhere: brought back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts for this laptop&apos;s bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been written yet. A backup of the database is made before importing; nothing here is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the records in &amp;detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspections in the bundle: %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignments in the bundle: %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspections in the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignments in the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more inspection(s) are not listed below.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Show the records in &amp;detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle holds no inspections or assignments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brought back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records by kind</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorTree</name>
    <message>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General photos of the visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The overall comment of the visit (printed in the report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) of the county office</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IndicatorsPanel</name>
    <message>
        <source>Compliance by indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend of the compliance bars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common problems: criteria most often found wanting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectionController</name>
    <message>
        <source>Saving your last changes: waiting for the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspection in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This site has an inspection in progress (%1). Continue it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the inspection in progress of %1 on %2?

Its %3 rating(s), %4 note(s) and %5 photo(s) are deleted with it. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the inspection in progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectionDetailsDialog</name>
    <message>
        <source>Inspection details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names, separated by 、</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inspectors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site staff present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site staff &amp;present:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete this inspection in progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter who inspects.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemEditDialog</name>
    <message>
        <source>Rectification item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Requirement:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person responsible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who puts it right at the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;ponsible:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Own deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a deadline of its own the item takes the letter&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The requirement cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deadline is in the past: choose today or a later day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemReportDialog</name>
    <message>
        <source>Record the site&apos;s rectification report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requirement: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report &amp;date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the report says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the site says it has done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments (photos or scanned pages):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rec&amp;ord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report cannot be dated after today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter what the report says or add its pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is too long; shorten it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemsTable</name>
    <message>
        <source>Criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <extracomment>The columns that may be edited in place, when the item allows it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person responsible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items of the letter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerFilters</name>
    <message>
        <source>Township</source>
        <extracomment>The states offered, in the order an item goes through them.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All townships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Township:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>States</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;verdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All issued items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerPanel</name>
    <message>
        <source>Items shown</source>
        <extracomment>The rows a column&apos;s width is measured on (the first ones shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Township</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rectification ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recor&amp;d site report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order re-inspection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 day(s) past the deadline</source>
        <extracomment>Cells whose text may be long: their whole text is their tooltip.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 item(s), %2 overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an item to see it whole.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requirement: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports received: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the item verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen the item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2
Note (how it was checked, why):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos or scans of the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s report was recorded (%1 attachment(s)).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, deadline %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-inspection of %1 ordered for %2; it goes out with the next assignment bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 item(s) exported to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the ledger as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <source>Letters and rectification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing body, letter numbers, deadline days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 draft letter(s) to issue · %2 item(s) being rectified, %3 overdue, %4 reported by the site · %5 conflict(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <extracomment>What a change of a letter, an item, a site&apos;s report or the office&apos;s settings announces; the office&apos;s screens (work queue, letters) listen for it. Changes after which the tab reads its letters, items and conflicts again: an approval (a letter drafted), an import (a re-inspection&apos;s results), the registry (names). An overdue item&apos;s text: a quiet red-brown, readable on white and on a selected row.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterIssueDialog</name>
    <message>
        <source>Issue the feedback letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing numbers the letter and opens its %1 item(s) for rectification; the letter can no longer be changed afterwards. An item with a deadline of its own keeps it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number the letter will get</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing body:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rectification deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deadline %1 is in the past: choose today or a later day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter who issues the letter.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LettersPanel</name>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the item (Enter); F2 edits a cell in place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge the selected items into one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the item from the draft (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add item…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An item for another finding of the inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print letter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No letters yet. Approving an inspection with findings drafts its site&apos;s letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · draft letter with %2 item(s): edit, merge or drop items, then issue it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %3, issued %4 by %5, deadline %6 · %2 item(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 items merged into one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop this item from the draft letter?

%1

It can be added again with “Add item…” while the letter is a draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item was dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every finding of the inspection already has an item in this letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An item for which finding of the inspection?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued as %1. Print it with “Print letter…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the letter as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Inspector — community-education site inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export sites to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync with USB drive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import sites from CSV or Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;pervision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language and name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data could not be opened. Its backups are in the backups folder: File → Open the data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the sites…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n site(s)</source>
        <translation>
            <numerusform>%n site</numerusform>
            <numerusform>%n sites</numerusform>
        </translation>
    </message>
    <message>
        <source>No sites yet. Use File → Import sites from CSV or Excel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer is now the county office. You can change it on the Sync screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer is now a field laptop. You can change it on the Sync screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used once the program starts again. Everything is saved. Restart now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program could not be started again; please start it yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Inspector %1&lt;/h3&gt;&lt;p&gt;On-site inspection of a county&apos;s community-education sites: the county college, township schools and village stations.&lt;/p&gt;&lt;p&gt;Data directory: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MissingDialog</name>
    <message>
        <source>Not finished yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inspection cannot be completed yet. Every criterion needs a rating; a rating of partly meets or does not meet needs a note saying what is missing, and not applicable a note saying why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs a note saying why it does not apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MissingItemsDialog</name>
    <message>
        <source>The re-inspection cannot be completed yet. Every item needs a verdict, rectified or not rectified; an item not rectified needs a note saying what is still missing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not rectified: needs a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeEntry</name>
    <message>
        <source>Review received inspections, plan and draw campaigns, follow feedback letters and rectification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only on the county office&apos;s computer: this one is a field laptop (its role is changed on the Sync screen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available once the data is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only on the county office&apos;s computer: choose this computer&apos;s role first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeScreen</name>
    <message>
        <source>Supervision</source>
        <extracomment>What the screen shows depends on these changes.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Site &amp;list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Supervision&lt;/b&gt; · county office: review, campaigns, feedback and rectification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Work queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>County &amp;overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;etters and rectification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeSettingsDialog</name>
    <message>
        <source>Office settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the feedback letters print. The settings are kept with the data, so every clerk of the office uses the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issuing body:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number &amp;prefix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers read:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days to rectify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deadline after issuing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter the issuing body.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeWords</name>
    <message>
        <source>in the field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>awaiting review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>Whole county</source>
        <extracomment>The counted ratings&apos; colours, best first (符合, 基本符合, 不符合): calm, and told apart by readers who do not see red and green (Paul Tol&apos;s &quot;muted&quot; scheme); further ratings grey. Coverage: the sites with a result in the period. Rectification items: closed, open, overdue.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>County level (no township)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no ratings counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved results only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every result received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 site(s) in scope · %2 inspected (%3) · score %4 · %5 · %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not applicable is not counted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>County</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Township</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspected / in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 site(s) inspected (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found wanting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of sites rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change in percentage points since the site&apos;s previous result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>County level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of which overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed, %2 open, %3 of them overdue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewFilters</name>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Township</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All townships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tow&amp;nship:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approved results only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unticked: every result received counts, those awaiting review too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>County overview</source>
        <extracomment>What the overview shows depends on these changes.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The county&apos;s figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators and problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+I; or drop photos on the grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a fol&amp;der…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import all photos of a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move selected to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move selected to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected photos to a criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select several photos with Ctrl or Shift, or Ctrl+A</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>Taken %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken on another day than the visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This photo cannot be shown: its file is missing or damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a folder of photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding photos… %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo “%1” deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criterion of this photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← &amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate &amp;left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rotate right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ taken on another day than the visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the photo “%1” from this inspection?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>&amp;Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Blank checklist…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist for this &amp;site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspection &amp;report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save blank checklist as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save checklist for this site as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save inspection report as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist for which tier?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the checklist…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing photos: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laying out the pages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos that could not be printed: %1 (marked as empty boxes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 (%2 pages).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No PDF viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program to show PDF files is installed. The file is here:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>Progress</source>
        <extracomment>Work that ends sooner than this shows no dialog at all.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All Files (*.*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 TB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RankingPanel</name>
    <message>
        <source>Ranking of sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranking of townships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Townships</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RectificationPanel</name>
    <message>
        <source>Rectification by township</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend of the rectification bars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open, not overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rectification items for these sites yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReinspectionCard</name>
    <message>
        <source>Item %1</source>
        <extracomment>The verdicts in the order of their keys (1, 2).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photos were taken of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rectified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not rectified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note of the re-inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not rectified needs a note saying what is still missing (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: what was seen on site (F2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReinspectionConflicts</name>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector&apos;s note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-inspection conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the re-inspection&apos;s &amp;verdict…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep as it is…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts. A re-inspection&apos;s verdict on an item the office closed or dropped meanwhile would wait here for a decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 re-inspection result(s) came back for items the office had closed or dropped meanwhile. Nothing was changed: decide for each whether the re-inspection&apos;s verdict applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the re-inspection&apos;s verdict (%1) to the item? A closed item opens again if the verdict is not rectified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the item as the office left it and set the re-inspection&apos;s verdict aside?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settle the conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReinspectionOrderDialog</name>
    <message>
        <source>Order a re-inspection</source>
        <extracomment>Days the re-inspection&apos;s period lasts unless the clerk changes it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inspector verifies the items checked below on site; the order reaches the laptop with the next assignment bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items to verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who re-inspects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inspector:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one item to verify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter who re-inspects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last day comes before the first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReinspectionView</name>
    <message>
        <source>Items to verify</source>
        <extracomment>Makes a card&apos;s photo strip: (the check, &quot;before&quot; or &quot;after&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Re-inspection: %n rectification item(s) to verify</source>
        <extracomment>The photo strips; None shows none (tests of the cards alone).</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>For each item, compare the site with the original finding and its photos, choose rectified or not rectified (keys 1 and 2), note what you saw and add photos after the rectification (Ctrl+I). An item not rectified needs a note saying what is still missing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen the inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen this completed inspection so that it can be changed? Your name and the time are recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter your name: it is recorded with the reopening.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnedBanner</name>
    <message>
        <source>Returned by the county office</source>
        <extracomment>The colour of the office&apos;s words: the banner&apos;s frame and each comment&apos;s left edge.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reviewer&apos;s comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next comment (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the next criterion with a comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer: %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no overall comment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n criterion/criteria have comments: change what is needed and finish the inspection again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Change what is needed and finish the inspection again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The county office&apos;s comment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewDecisionDialog</name>
    <message>
        <source>Return the inspection</source>
        <extracomment>A light tint on the criteria the inspector found wanting (基本符合, 不符合).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve the inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;viewer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the inspector should look at again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall &amp;comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments on criteria (type in the last column; criteria found wanting are tinted):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Return to the inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inspection goes back to its laptop with the next assignment bundle; the inspector sees your comments on the criteria concerned. The ratings stay the inspector&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approving applies the re-inspection&apos;s verdicts: rectified items close, the others stay open with the new finding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Approving makes the inspection count as a result and drafts the site&apos;s feedback letter with an item for each of the %n criteria found wanting.</source>
        <translation>
            <numerusform>Approving makes the inspection count as a result and drafts the site&apos;s feedback letter with an item for each of the %n criterion found wanting.</numerusform>
            <numerusform>Approving makes the inspection count as a result and drafts the site&apos;s feedback letter with an item for each of the %n criteria found wanting.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approving makes the inspection count as a result. Nothing was found wanting: no feedback letter is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector&apos;s note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment to the inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments on criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say who reviews: type your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why it is returned: write an overall comment or a comment on at least one criterion.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewDetail</name>
    <message>
        <source>← &amp;Back to the list</source>
        <extracomment>The criteria changed since the last return.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open in the checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inspection as the inspector submitted it, with its photos (a completed inspection cannot be edited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;turn…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criteria and ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed since the last return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is with its inspector until it is sent back: see the review history</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n criterion(s) changed since the last return: tinted below.</source>
        <translation>
            <numerusform>%n criterion changed since the last return: tinted below.</numerusform>
            <numerusform>%n criteria changed since the last return: tinted below.</numerusform>
        </translation>
    </message>
    <message>
        <source>Original finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decision yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <source>Which inspections</source>
        <extracomment>The filter&apos;s choices, in order: the states each shows (None: every one).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stat&amp;e:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspections received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its criteria, ratings and history (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;turn…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n inspection(s)</source>
        <translation>
            <numerusform>%n inspection</numerusform>
            <numerusform>%n inspections</numerusform>
        </translation>
    </message>
    <message>
        <source>Not returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Returned to the inspector: %1, with comments on %n criterion(s). It travels to the laptop with the next assignment bundle.</source>
        <translation>
            <numerusform>Returned to the inspector: %1, with comments on %n criterion. It travels to the laptop with the next assignment bundle.</numerusform>
            <numerusform>Returned to the inspector: %1, with comments on %n criteria. It travels to the laptop with the next assignment bundle.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approved: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A feedback letter was drafted with %n item(s); see the letters and items.</source>
        <translation>
            <numerusform>A feedback letter was drafted with %n item; see the letters and items.</numerusform>
            <numerusform>A feedback letter was drafted with %n items; see the letters and items.</numerusform>
        </translation>
    </message>
    <message>
        <source>The re-inspection&apos;s verdicts were applied to their items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) had been closed or dropped meanwhile: kept as conflicts for you to settle.</source>
        <translation>
            <numerusform>%n item had been closed or dropped meanwhile: kept as conflicts for you to settle.</numerusform>
            <numerusform>%n items had been closed or dropped meanwhile: kept as conflicts for you to settle.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was found wanting: no letter is needed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleBanner</name>
    <message>
        <source>Choose this computer&apos;s role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First start: what is this computer for?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name for this computer, e.g. 张明的笔记本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name for this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field l&amp;aptop (inspects sites)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;County office (receives results)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspects sites and sends the results to the county office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receives the laptops&apos; results, sends sites, checklists and assignments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleBox</name>
    <message>
        <source>Choose this computer&apos;s role (once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>County office: receives results, sends assignments and receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field laptop: inspects sites, sends results to the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name for this computer, e.g. 张明的笔记本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled in as inspector of new inspections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language takes effect when the program is started again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteCsvActions</name>
    <message>
        <source>Import sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site lists (*.csv *.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1: waiting for the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New: %1, changed: %2, unchanged: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The file has %n bad row(s); nothing was imported.</source>
        <translation type="unfinished">
            <numerusform>The file has %n bad row; nothing was imported.</numerusform>
            <numerusform>The file has %n bad rows; nothing was imported.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n site(s) exported to %1</source>
        <translation type="unfinished">
            <numerusform>%n site exported to %1</numerusform>
            <numerusform>%n sites exported to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteDetails</name>
    <message>
        <source>Site details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Division code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last result received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last approved result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No site selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteHistory</name>
    <message>
        <source>&lt;b&gt;Inspections of this site&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspections of this site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;inspection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start an inspection of this site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete this inspection in progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected inspection in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an inspection in progress can be deleted, for example one started by mistake. Completed inspections are kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteSearchBar</name>
    <message>
        <source>Search: name, code or pinyin initials (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a site&apos;s name, its division code or the first letters of its pinyin (e.g. xk for 溪口). Esc clears the search, then the filters; Down goes to the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only sites of one tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only sites in one state of inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all received results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only approved inspections count as results. Tick to show each site&apos;s last inspection received, whatever its review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has an approved result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspection in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspected (completed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has an assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New result awaiting review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result returned to its inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 sites match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No site matches the search and filters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteTree</name>
    <message>
        <source>the result of %1 awaits review (Supervision → Review)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new result awaiting review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the result of %1 was returned to its inspector; it counts once sent back and approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new result returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Division code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last result received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last approved result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The county&apos;s sites: the college, its township schools and their village stations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a column&apos;s title to sort by it (again: reverse, a third time: by code). Drag a border to resize; double-click it to fit. Right-click to hide or show columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit every column to its contents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartInspectionDialog</name>
    <message>
        <source>Start a re-inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start an inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Re-inspection of %n rectification item(s), assigned %1 – %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Inspection by the whole checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names, separated by 、</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inspectors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site staff present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site staff &amp;present:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisit of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No, a first visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisit of %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revisit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter who inspects.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <source>This data folder is already open in another Inspector window:
%1

Switch to that window, or close it and start Inspector again. Two windows on one folder would each show what the other has overwritten.</source>
        <extracomment>The exit code when another window already has the data folder open. How long a background thread may keep the interpreter before the window&apos;s thread gets it back (Python&apos;s default is 5 ms). The window&apos;s thread paints tables by asking Python for each cell; with two workers reading data, every handover at 5 ms added up to stalls of 100 ms and more while the office&apos;s screens loaded (``benchmarks/office.py``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Statuses</name>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>Complete the inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conclusion of the visit: what is good, what must be improved (printed in the report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overall comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A completed inspection is read-only. It can be reopened later; reopening is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Complete inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please write the overall comment: it is the conclusion of the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The overall comment is too long: please shorten it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Sync</source>
        <extracomment>What taking one version of a conflicting record changes, by the record&apos;s table. Changes the screen reads the overview again for at once, shown or not. Changes that alter what it shows (what waits to be sent, names): read when next shown.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role not chosen yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>county office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Site &amp;list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer (%1): “%2” · fingerprint %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make this computer a field laptop? It will then send results instead of receiving them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make this computer the county office? It will then receive results from the laptops instead of sending them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to which folder or USB drive?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import which bundle?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector bundles (*.inspector-bundle *.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tiers</name>
    <message>
        <source>County community-education college</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Township community school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Village teaching station</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendsPanel</name>
    <message>
        <source>Scores by year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The county&apos;s score by year (each year&apos;s latest results)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores by year and township</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since their previous result: %1 site(s) moved up, %2 moved down.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the deletion</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkQueueTab</name>
    <message>
        <source>What waits for the office today</source>
        <extracomment>The newest campaigns shown under the counts. The keys of the tabs the counts lead to (``OfficeScreen.show_tab``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inspections received, waiting for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rectification items past their deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assignments due within a week or overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaign yet: plan one on the Campaigns tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 overdue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YearChart</name>
    <message>
        <source>County score by year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3 result(s))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No results yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 result(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
