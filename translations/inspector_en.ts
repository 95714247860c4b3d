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
        <source>&amp;Assignments (%1 open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assignments</source>
        <translation type="unfinished"></translation>
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
        <source>Double-click to open the inspection</source>
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
        <source>Revoke device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse all bundles from “%1” from now on? What it sent before stays.</source>
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
        <source>&amp;Import sites from CSV…</source>
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
        <source>No sites yet. Use File → Import sites from CSV.</source>
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
        <source>Any state</source>
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
        <source>Start an inspection</source>
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
        <extracomment>The exit code when another window already has the data folder open.</extracomment>
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
</TS>
