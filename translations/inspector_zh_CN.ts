<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AssignmentDialog</name>
    <message>
        <source>New assignment</source>
        <translation>新建检查任务</translation>
    </message>
    <message>
        <source>Names, separated by 、</source>
        <translation>姓名，用“、”分隔</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>站点：</translation>
    </message>
    <message>
        <source>Inspectors:</source>
        <translation>检查人员：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>开始日期：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>结束日期：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>说明：</translation>
    </message>
</context>
<context>
    <name>AssignmentsPanel</name>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时间段</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>&amp;New assignment…</source>
        <translation>新建检查任务(&amp;N)……</translation>
    </message>
    <message>
        <source>&amp;Start the re-inspection…</source>
        <translation>开始复查(&amp;S)……</translation>
    </message>
    <message>
        <source>Or double-click it; it shows only the items to verify</source>
        <translation>也可双击该任务；复查只显示需要核实的整改事项</translation>
    </message>
    <message>
        <source>&amp;Assignments (%1 open)</source>
        <translation>检查任务（%1 项未完成）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Assignments</source>
        <translation>检查任务(&amp;A)</translation>
    </message>
    <message>
        <source>Returned: to be changed</source>
        <translation>已退回，待修改</translation>
    </message>
    <message numerus="yes">
        <source>Re-inspection of %n item(s)</source>
        <translation>
            <numerusform>复查 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Done: inspected %1, score %2</source>
        <translation>已完成：%1 检查，得分 %2</translation>
    </message>
    <message>
        <source>In progress since %1</source>
        <translation>检查中，%1 开始</translation>
    </message>
    <message>
        <source>Overdue: not inspected by %1</source>
        <translation>已逾期：%1 前未检查</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待检查</translation>
    </message>
    <message>
        <source>Assignments travel to the laptops with the next assignment bundle, with the last inspection of each assigned site (its open items). One is done once the laptop&apos;s results with its inspection are imported here.</source>
        <translation>任务随下一个任务同步包发往外业笔记本，并附上每个被分派站点的上次检查（其待整改项）。笔记本的检查结果导入本机后，相应任务即为已完成。</translation>
    </message>
    <message>
        <source>Assignments from the county office (they arrive with its bundles). One is done once its site&apos;s inspection is completed.</source>
        <translation>县级办公室分派的任务（随其同步包到达）。站点的检查完成后，相应任务即为已完成。</translation>
    </message>
    <message>
        <source>A re-inspection (复查) shows only the items to verify: start it here or from its site.</source>
        <translation>复查任务只显示需要核实的整改事项：可在这里开始，也可从站点开始。</translation>
    </message>
    <message>
        <source>Double-click to start the re-inspection</source>
        <translation>双击开始复查</translation>
    </message>
    <message>
        <source>Double-click to open the inspection</source>
        <translation>双击打开这次检查</translation>
    </message>
    <message>
        <source>Inspection in progress</source>
        <translation>有进行中的检查</translation>
    </message>
    <message>
        <source>The site has an inspection in progress (%1): finish it before the re-inspection. Open it now?</source>
        <translation>这个站点有一次进行中的检查（%1），请先完成它再复查。现在打开它吗？</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>A backup of the database is made before every database upgrade, every sync import that changes something and every restore. The newest 10 are kept, and the newest of each month for a year. Restoring one replaces everything saved after it; the current data is first kept as a new backup, so a restore can be undone.</source>
        <translation>每次数据库升级、每次有改动的同步导入和每次恢复之前，都会备份数据库。保留最新的 10 份，以及一年内每个月最新的一份。恢复某份备份会替换它之后保存的一切；当前数据会先另存为新的备份，因此恢复可以撤销。</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Open the backups &amp;folder</source>
        <translation>打开备份文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>Comparing the backup with the current data…</source>
        <translation>正在比较备份与当前数据…</translation>
    </message>
    <message>
        <source>Replace the current data by the backup of %1 (%2)?</source>
        <translation>用 %1 的备份（%2）替换当前数据吗？</translation>
    </message>
    <message>
        <source>The current database cannot be read, so what it holds beyond the backup cannot be listed. It is kept, as it is, in the backups folder.</source>
        <translation>当前数据库无法读取，无法列出它比备份多出的内容；它会原样保存在备份文件夹中。</translation>
    </message>
    <message>
        <source>Nothing has been saved since this backup was made.</source>
        <translation>这份备份之后没有保存过任何内容。</translation>
    </message>
    <message>
        <source>These will lose what was saved after %1:</source>
        <translation>以下内容在 %1 之后保存的部分将丢失：</translation>
    </message>
    <message numerus="yes">
        <source>• and %n more inspection(s)</source>
        <translation>
            <numerusform>• 以及另外 %n 次检查</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n site(s) added or changed</source>
        <translation>
            <numerusform>新增或修改的站点 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sync bundle(s) written or imported</source>
        <translation>
            <numerusform>导出或导入的同步数据包 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>The current data is first kept as a new backup, so this can be undone. The program then starts again.</source>
        <translation>当前数据会先另存为新的备份，因此可以撤销。之后程序会重新启动。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>已恢复。</translation>
    </message>
    <message>
        <source>The backup was restored. The data as it was before is kept as the backup %1. The program now starts again.</source>
        <translation>备份已恢复。恢复前的数据已另存为备份 %1。程序现在重新启动。</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>没有恢复任何内容。</translation>
    </message>
</context>
<context>
    <name>CampaignDrawDialog</name>
    <message>
        <source>New campaign</source>
        <translation>新建督导计划</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>e.g. 2026 autumn supervision</source>
        <translation>例如：2026年秋季督导</translation>
    </message>
    <message>
        <source>Campaign name</source>
        <translation>督导计划名称</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>督导期限(&amp;P)：</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>督导人员</translation>
    </message>
    <message>
        <source>&amp;Inspector list (CSV)…</source>
        <translation>督导人员名单(&amp;I)（CSV）……</translation>
    </message>
    <message>
        <source>Columns 姓名 (name), 上限 (cap), 回避场所 (sites to step aside from), 回避乡镇 (townships)</source>
        <translation>列：姓名、上限、回避场所、回避乡镇</translation>
    </message>
    <message>
        <source>No list chosen yet.</source>
        <translation>尚未选择名单。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Steps aside from (回避)</source>
        <translation>回避</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>抽取结果</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>Sites drawn</source>
        <translation>抽中的场所</translation>
    </message>
    <message>
        <source>&amp;Draw</source>
        <translation>抽取(&amp;D)</translation>
    </message>
    <message>
        <source>P&amp;rint draw record…</source>
        <translation>打印抽取记录(&amp;R)……</translation>
    </message>
    <message>
        <source>&amp;Save campaign</source>
        <translation>保存督导计划(&amp;S)</translation>
    </message>
    <message>
        <source>Which inspector list?</source>
        <translation>选择督导人员名单</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n inspector(s), %2 with sites to step aside from</source>
        <translation>
            <numerusform>%1：共 %n 名督导人员，其中 %2 人有回避</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the inspector list and the rules, then Draw.</source>
        <translation>请先选择督导人员名单和抽取规则，再点“抽取”。</translation>
    </message>
    <message>
        <source>Not drawn yet.</source>
        <translation>尚未抽取。</translation>
    </message>
    <message>
        <source>Choose the inspector list first.</source>
        <translation>请先选择督导人员名单。</translation>
    </message>
    <message numerus="yes">
        <source>Seed %1 · %n site(s) drawn · fingerprint %2…</source>
        <translation>
            <numerusform>随机种子 %1 · 抽中 %n 个场所 · 指纹 %2…</numerusform>
        </translation>
    </message>
    <message>
        <source>Drawn of those in scope: %1</source>
        <translation>各组抽中数/范围内数：%1</translation>
    </message>
    <message>
        <source>draw</source>
        <translation>抽取</translation>
    </message>
    <message>
        <source>Save the draw record as</source>
        <translation>抽取记录另存为</translation>
    </message>
    <message>
        <source>Draw record %1.pdf</source>
        <translation>抽取记录 %1.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Give the campaign a name first: it is printed on the record.</source>
        <translation>请先填写督导计划名称：它会印在抽取记录上。</translation>
    </message>
    <message>
        <source>Draw record written: %1</source>
        <translation>抽取记录已保存：%1</translation>
    </message>
</context>
<context>
    <name>CampaignKinds</name>
    <message>
        <source>comprehensive supervision</source>
        <extracomment>Groups named in the summary above the drawn sites (all of them in its tooltip).</extracomment>
        <translation>综合督导</translation>
    </message>
    <message>
        <source>special supervision</source>
        <translation>专项督导</translation>
    </message>
    <message>
        <source>re-inspection</source>
        <translation>复查</translation>
    </message>
</context>
<context>
    <name>CampaignsTab</name>
    <message>
        <source>Campaign</source>
        <extracomment>The columns of assignment counts, in this order.</extracomment>
        <translation>督导计划</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>督导期限</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待检查</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>检查中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>督导计划</translation>
    </message>
    <message>
        <source>No campaign yet. A campaign draws the sites to inspect and pairs each with inspectors at random (双随机); its assignments travel to the laptops with the next assignment bundle.</source>
        <translation>还没有督导计划。督导计划随机抽取要检查的场所，并随机匹配督导人员（双随机）；生成的检查任务随下一个任务同步包发到各笔记本。</translation>
    </message>
    <message>
        <source>&amp;New campaign…</source>
        <translation>新建督导计划(&amp;N)……</translation>
    </message>
    <message>
        <source>Check the &amp;draw</source>
        <translation>核验抽取(&amp;D)</translation>
    </message>
    <message>
        <source>Make the selected campaign&apos;s draw again from what it recorded and compare the pairs</source>
        <translation>按所选督导计划保存的记录重新抽取一次，并与原结果比对</translation>
    </message>
    <message numerus="yes">
        <source>Campaign “%1” saved with %n assignment(s); they travel to the laptops with the next assignment bundle.</source>
        <translation>
            <numerusform>督导计划“%1”已保存，生成 %n 项检查任务，将随下一个任务同步包发到各笔记本。</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the draw of “%1”…</source>
        <translation>正在核验“%1”的抽取……</translation>
    </message>
    <message>
        <source>The draw of “%1”, made again from its record (seed %2), gives the same sites and inspectors: it is identical.</source>
        <translation>按记录（随机种子 %2）重新抽取“%1”，场所和督导人员完全相同：抽取结果一致。</translation>
    </message>
    <message>
        <source>The draw of “%1”, made again from its record (seed %2), gives different pairs: the record does not match what was kept.</source>
        <translation>按记录（随机种子 %2）重新抽取“%1”，结果不同：记录与保存的抽取结果不符。</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Photo file missing</source>
        <translation>照片文件缺失</translation>
    </message>
    <message>
        <source>Photo file damaged</source>
        <translation>照片文件已损坏</translation>
    </message>
    <message>
        <source>Database damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>Broken references</source>
        <translation>记录引用缺失</translation>
    </message>
    <message>
        <source>Database missing</source>
        <translation>数据库缺失</translation>
    </message>
    <message>
        <source>Check the data</source>
        <translation>检查数据完整性</translation>
    </message>
    <message>
        <source>Progress of the check</source>
        <translation>检查进度</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Fetch photos from a &amp;bundle…</source>
        <translation>从数据包取回照片(&amp;B)…</translation>
    </message>
    <message>
        <source>Fetch photos from a &amp;folder…</source>
        <translation>从文件夹取回照片(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Remove them from inspections in progress</source>
        <translation>从进行中的检查中删除这些照片(&amp;R)</translation>
    </message>
    <message>
        <source>Restore a bac&amp;kup…</source>
        <translation>恢复备份(&amp;K)…</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>重新检查(&amp;A)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <source>Checking the database and every photo file…</source>
        <translation>正在检查数据库和每个照片文件…</translation>
    </message>
    <message>
        <source>The check could not be finished.</source>
        <translation>检查未能完成。</translation>
    </message>
    <message numerus="yes">
        <source>All well: the database is intact and all %n photo file(s) match their records.</source>
        <translation>
            <numerusform>一切正常：数据库完好，%n 个照片文件都与记录一致。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>发现 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The database is damaged or incomplete. Restore a backup made before the damage: the current data is kept as a backup first.</source>
        <translation>数据库已损坏或不完整。请恢复损坏之前的备份：当前数据会先另存为一份备份。</translation>
    </message>
    <message>
        <source>Photos can be fetched back from a sync bundle exported after they were taken, or from a folder holding the original files (only files with exactly the recorded content are taken).</source>
        <translation>可以从拍照之后导出的同步数据包，或存有照片原件的文件夹取回照片（只取内容与记录完全一致的文件）。</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) without a good file belong to inspections in progress and can be removed from them.</source>
        <translation>
            <numerusform>进行中的检查里有 %n 张照片没有完好的文件，可以从检查中删除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) without a good file belong to completed inspections: fetch them back, or reopen the inspection to remove them.</source>
        <translation>
            <numerusform>已完成的检查里有 %n 张照片没有完好的文件：请取回，或重新打开那次检查后删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Fetch photos from a bundle</source>
        <translation>从数据包取回照片</translation>
    </message>
    <message>
        <source>Sync bundles (*.inspector-bundle *.zip);;All files (*)</source>
        <translation>同步数据包 (*.inspector-bundle *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Fetch photos from a folder</source>
        <translation>从文件夹取回照片</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，没有任何改动。</translation>
    </message>
    <message>
        <source>Checking %1 and fetching the photos…</source>
        <translation>正在校验 %1 并取回照片…</translation>
    </message>
    <message numerus="yes">
        <source>%n photo file(s) fetched back.</source>
        <translation>
            <numerusform>已取回 %n 个照片文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were not found there.</source>
        <translation>
            <numerusform>%n 个在其中没有找到。</numerusform>
        </translation>
    </message>
    <message>
        <source>Fetch photos</source>
        <translation>取回照片</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有任何改动。</translation>
    </message>
    <message>
        <source>Remove photos</source>
        <translation>删除照片</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n photo(s) without a good file from the inspections in progress? Completed inspections are not changed.</source>
        <translation>
            <numerusform>从进行中的检查中删除 %n 张没有完好文件的照片吗？已完成的检查不会改动。</numerusform>
        </translation>
    </message>
    <message>
        <source>Removing the photos…</source>
        <translation>正在删除照片…</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <source>← Site &amp;list</source>
        <translation>← 站点列表(&amp;L)</translation>
    </message>
    <message>
        <source>Back to the sites</source>
        <translation>返回站点列表</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Criteria rated</source>
        <translation>已评定的检查项</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>保存状态</translation>
    </message>
    <message>
        <source>&amp;Edit details…</source>
        <translation>编辑检查信息(&amp;E)……</translation>
    </message>
    <message>
        <source>Edit the date, the inspectors and the site staff of this inspection</source>
        <translation>修改本次检查的日期、检查人和站点人员</translation>
    </message>
    <message>
        <source>Fi&amp;nish…</source>
        <translation>完成检查(&amp;N)……</translation>
    </message>
    <message>
        <source>Re-inspection</source>
        <translation>复查</translation>
    </message>
    <message>
        <source>verifies %1 rectification item(s) found on %2</source>
        <translation>核实 %2 检查发现的 %1 项整改事项</translation>
    </message>
    <message>
        <source>verifies %1 rectification item(s)</source>
        <translation>核实 %1 项整改事项</translation>
    </message>
    <message>
        <source>%1/%2 items checked</source>
        <translation>已核实 %1/%2 项</translation>
    </message>
    <message>
        <source>%1/%2 rated</source>
        <translation>已评定 %1/%2</translation>
    </message>
    <message>
        <source>&amp;Overall comment</source>
        <translation>综合意见(&amp;O)</translation>
    </message>
    <message>
        <source>The conclusion of the whole visit: what is good, what must be improved and by when. It is printed in the report; finishing the inspection asks for it.</source>
        <translation>对这次检查的总体结论：哪些做得好，哪些需要整改、何时完成。综合意见印在检查报告中；完成检查时还会请您确认。</translation>
    </message>
    <message>
        <source>Overall comment</source>
        <translation>综合意见</translation>
    </message>
    <message>
        <source>For example: the station is well run; its volunteer team should be recorded by the end of the year.</source>
        <translation>例如：教学站运行规范；志愿者队伍需在年底前登记造册。</translation>
    </message>
    <message>
        <source>Waiting for the database…</source>
        <translation>正在等待数据库……</translation>
    </message>
    <message>
        <source>&amp;Reopen…</source>
        <translation>重新打开(&amp;R)……</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>检查要点</translation>
    </message>
    <message>
        <source>Keys: 1 rectified · 2 not rectified · Ctrl+↓/↑ next/previous item · F2 note · Esc leave the note · Ctrl+I add photos after the rectification</source>
        <translation>快捷键：1 已整改 · 2 未整改 · Ctrl+↓/↑ 下一项/上一项 · F2 填写说明 · Esc 离开说明 · Ctrl+I 添加整改后照片</translation>
    </message>
    <message>
        <source>Keys: 1–4 rate · Ctrl+↓/↑ next/previous criterion · Ctrl+PgDn/PgUp next/previous indicator · F2 note · Esc leave the note · Ctrl+I add photos</source>
        <translation>快捷键：1–4 评定 · Ctrl+↓/↑ 下一条/上一条 · Ctrl+PgDn/PgUp 下一个/上一个指标 · F2 填写说明 · Esc 离开说明 · Ctrl+I 添加照片</translation>
    </message>
    <message>
        <source>Score %1</source>
        <translation>得分 %1</translation>
    </message>
    <message>
        <source>Inspectors: %1</source>
        <translation>检查人：%1</translation>
    </message>
    <message>
        <source>Site staff: %1</source>
        <translation>站点人员：%1</translation>
    </message>
    <message>
        <source>Revisit of %1</source>
        <translation>回访（上次 %1）</translation>
    </message>
    <message>
        <source>Read-only. Reopen it to change anything.</source>
        <translation>只读。如需修改，请先重新打开。</translation>
    </message>
    <message>
        <source>General photos of the visit</source>
        <translation>现场总体照片</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存……</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>所有修改已保存</translation>
    </message>
    <message>
        <source>Not saved!</source>
        <translation>未保存！</translation>
    </message>
</context>
<context>
    <name>CompleteReinspectionDialog</name>
    <message>
        <source>Complete the re-inspection</source>
        <translation>完成复查</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) rectified</source>
        <translation>
            <numerusform>已整改 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) not rectified</source>
        <translation>
            <numerusform>未整改 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Verdicts</source>
        <translation>复查结论</translation>
    </message>
    <message>
        <source>The county office closes the rectified items and keeps the others open once it has approved the re-inspection. After completing, it is read-only unless reopened.</source>
        <translation>县里审核通过这次复查后，已整改的事项销号，其余事项继续整改。完成后复查记录只读，需重新打开才能修改。</translation>
    </message>
    <message>
        <source>Completed by</source>
        <translation>完成人</translation>
    </message>
    <message>
        <source>Completed &amp;by:</source>
        <translation>完成人(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation>完成复查(&amp;C)</translation>
    </message>
    <message>
        <source>Please enter who completes the re-inspection.</source>
        <translation>请填写完成复查的人员姓名。</translation>
    </message>
</context>
<context>
    <name>CompliancePanel</name>
    <message>
        <source>Compliance by tier and township</source>
        <translation>各层级、各乡镇达标情况</translation>
    </message>
    <message>
        <source>Legend of the compliance bars</source>
        <translation>达标情况条形图图例</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Shown now</source>
        <translation>现在显示的版本</translation>
    </message>
    <message>
        <source>Other version</source>
        <translation>另一版本</translation>
    </message>
    <message>
        <source>&amp;Keep the version shown</source>
        <translation>保留现在显示的版本(&amp;K)</translation>
    </message>
    <message>
        <source>Take the &amp;other version</source>
        <translation>改用另一版本(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Conflicts (%1)</source>
        <translation>冲突(&amp;C)（%1）</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>冲突(&amp;C)</translation>
    </message>
    <message>
        <source>No conflicts. Records changed on both sides would be listed here.</source>
        <translation>没有冲突。两边都修改过的记录会列在这里。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) were changed both here and on the other side. Both versions are kept; choose which one is right.</source>
        <translation>
            <numerusform>有 %n 条记录在本机和对方都被修改过。两个版本都已保留，请选择正确的一个。</numerusform>
        </translation>
    </message>
    <message>
        <source>The other version came from “%1”, found %2.</source>
        <translation>另一版本来自“%1”，发现于 %2。</translation>
    </message>
    <message>
        <source>county college</source>
        <translation>县（市、区）社区教育学院</translation>
    </message>
    <message>
        <source>township school</source>
        <translation>乡镇（街道）社区学校</translation>
    </message>
    <message>
        <source>village station</source>
        <translation>村（社区）教学站（点）</translation>
    </message>
    <message>
        <source>Keep the version shown now and set the other one aside for good?</source>
        <translation>保留现在显示的版本，并永久舍弃另一版本？</translation>
    </message>
    <message>
        <source>Replace what is shown now with the other version? The version shown now is set aside for good.</source>
        <translation>用另一版本替换现在显示的内容？现在显示的版本将被永久舍弃。</translation>
    </message>
    <message>
        <source>Resolve the conflict</source>
        <translation>解决冲突</translation>
    </message>
</context>
<context>
    <name>CoveragePanel</name>
    <message>
        <source>Coverage by tier and township</source>
        <translation>各层级、各乡镇检查覆盖情况</translation>
    </message>
    <message>
        <source>Legend of the coverage bars</source>
        <translation>覆盖情况条形图图例</translation>
    </message>
    <message>
        <source>inspected in the period</source>
        <translation>期间内已检查</translation>
    </message>
    <message>
        <source>Coverage: sites inspected in the period</source>
        <translation>覆盖面：期间内已检查的场所</translation>
    </message>
    <message>
        <source>Sites never inspected</source>
        <translation>从未检查的场所</translation>
    </message>
    <message>
        <source>Never inspected</source>
        <translation>从未检查</translation>
    </message>
    <message>
        <source>Years without a result</source>
        <translation>多少年未检查</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Not inspected for more &amp;than:</source>
        <translation>超过以下年限未检查(&amp;T)：</translation>
    </message>
    <message>
        <source>Sites not inspected for years</source>
        <translation>多年未检查的场所</translation>
    </message>
    <message>
        <source>Long unvisited</source>
        <translation>久未检查</translation>
    </message>
    <message>
        <source>Never inspected (%1)</source>
        <translation>从未检查（%1）</translation>
    </message>
    <message>
        <source>Long unvisited (%1)</source>
        <translation>久未检查（%1）</translation>
    </message>
</context>
<context>
    <name>CriterionCard</name>
    <message>
        <source>Criterion %1</source>
        <translation>第 %1 条</translation>
    </message>
    <message>
        <source>Previous visit</source>
        <translation>上次检查</translation>
    </message>
    <message>
        <source>Shortcut: %1</source>
        <translation>快捷键：%1</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Note: what was seen, what is missing (F2)</source>
        <translation>说明：看到了什么，缺少什么（F2）</translation>
    </message>
    <message>
        <source>This rating needs a note saying why the criterion does not apply here (F2)</source>
        <translation>此评定需要填写说明：为什么本站点不适用这一条（F2）</translation>
    </message>
    <message>
        <source>This rating needs a note saying what is missing (F2)</source>
        <translation>此评定需要填写说明：缺少什么（F2）</translation>
    </message>
    <message>
        <source>Last visit: %1</source>
        <translation>上次：%1</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 字</translation>
    </message>
    <message>
        <source>%1 / %2 characters: shorten the note, it is saved once it fits</source>
        <translation>%1 / %2 字：请缩短说明，缩短到限度以内才会保存</translation>
    </message>
</context>
<context>
    <name>DataCare</name>
    <message>
        <source>&amp;Check the data…</source>
        <translation>检查数据完整性(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>The program could not be started again; please start it yourself.</source>
        <translation>程序未能重新启动，请自行启动。</translation>
    </message>
</context>
<context>
    <name>DevicesTab</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Trusted since</source>
        <translation>信任起始时间</translation>
    </message>
    <message>
        <source>Inspectors using it</source>
        <translation>使用人员</translation>
    </message>
    <message>
        <source>Who &amp;uses this laptop…</source>
        <translation>登记使用人员(&amp;U)…</translation>
    </message>
    <message>
        <source>An assignment bundle for this laptop carries only these inspectors&apos; assignments</source>
        <translation>发给这台笔记本的任务数据包只包含这些检查人员的任务</translation>
    </message>
    <message>
        <source>&amp;Revoke the selected device…</source>
        <translation>撤销所选设备(&amp;R)……</translation>
    </message>
    <message>
        <source>&amp;Devices</source>
        <translation>设备(&amp;D)</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>已信任</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>county office</source>
        <translation>县级办公室</translation>
    </message>
    <message>
        <source>laptop</source>
        <translation>笔记本电脑</translation>
    </message>
    <message>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <source>Revoke device</source>
        <translation>撤销设备</translation>
    </message>
    <message>
        <source>Refuse all bundles from “%1” from now on? What it sent before stays.</source>
        <translation>从现在起拒绝来自“%1”的所有同步包吗？它以前发来的内容将保留。</translation>
    </message>
    <message>
        <source>Inspectors using a laptop</source>
        <translation>笔记本的使用人员</translation>
    </message>
    <message>
        <source>Select a field laptop in the list first.</source>
        <translation>请先在列表中选择一台外业笔记本。</translation>
    </message>
    <message>
        <source>Who uses “%1”? Names separated by 、 or commas (empty: nobody):</source>
        <translation>谁使用“%1”？姓名之间用“、”或逗号分隔（留空表示无人）：</translation>
    </message>
</context>
<context>
    <name>DrawForm</name>
    <message>
        <source>Inspectors per site</source>
        <translation>每个场所的督导人数</translation>
    </message>
    <message>
        <source>Inspectors per si&amp;te:</source>
        <translation>每个场所督导人数(&amp;T)：</translation>
    </message>
    <message>
        <source>Empty: chosen at random</source>
        <translation>留空：随机选取</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>A whole number or a short text. The same seed, registry, inspectors and rules always give the same draw.</source>
        <translation>整数或一段简短文字。随机种子、场所名册、督导人员和规则相同，抽取结果就相同。</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>随机种子(&amp;E)：</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>抽取范围</translation>
    </message>
    <message>
        <source>Townships (none ticked: every township):</source>
        <translation>乡镇（街道）（都不勾选即全部）：</translation>
    </message>
    <message>
        <source>Townships</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>抽样</translation>
    </message>
    <message>
        <source>All sites in scope</source>
        <translation>范围内全部场所</translation>
    </message>
    <message>
        <source>A number per group:</source>
        <translation>每组抽取数量：</translation>
    </message>
    <message>
        <source>A share per group:</source>
        <translation>每组抽取比例：</translation>
    </message>
    <message>
        <source>Sites per group</source>
        <translation>每组场所数</translation>
    </message>
    <message>
        <source>Share per group</source>
        <translation>每组比例</translation>
    </message>
    <message>
        <source>Rounded up: 30% of 3 sites is 1 site</source>
        <translation>向上取整：3 个场所的 30% 为 1 个</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>the whole scope is one group</source>
        <translation>不分组</translation>
    </message>
    <message>
        <source>each tier</source>
        <translation>按层级</translation>
    </message>
    <message>
        <source>each township</source>
        <translation>按乡镇（街道）</translation>
    </message>
    <message>
        <source>each tier within each township</source>
        <translation>按乡镇内的层级</translation>
    </message>
    <message>
        <source>&amp;Groups:</source>
        <translation>分组(&amp;G)：</translation>
    </message>
    <message>
        <source>Tick at least one tier.</source>
        <translation>请至少勾选一个层级。</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>Permission denied: %1</source>
        <translation>没有权限：%1</translation>
    </message>
    <message>
        <source>File not found: %1</source>
        <translation>找不到文件：%1</translation>
    </message>
    <message>
        <source>A folder is needed here, but this is a file: %1</source>
        <translation>这里需要一个文件夹，但它是一个文件：%1</translation>
    </message>
    <message>
        <source>The disk is full. Free some space and try again.</source>
        <translation>磁盘已满。请腾出一些空间后再试。</translation>
    </message>
    <message>
        <source>The file could not be read or written%1: %2</source>
        <translation>无法读写文件%1：%2</translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>无法继续</translation>
    </message>
</context>
<context>
    <name>ErrorReportDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Everything saved before this moment is kept.
Please copy the report below and send it to the people who support this program.</source>
        <translation>程序遇到了意外问题。此前保存的所有内容都已保留。
请复制下面的报告，发送给本程序的技术支持人员。</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>错误报告</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>复制报告(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ExchangeTab</name>
    <message>
        <source>Waiting to be sent</source>
        <extracomment>Inspections waiting to be sent that the tab names; the rest are counted. What importing a bundle may change here.</extracomment>
        <translation>待发送</translation>
    </message>
    <message>
        <source>E&amp;xport a bundle to a folder or USB drive…</source>
        <translation>导出同步包到文件夹或U盘(&amp;X)……</translation>
    </message>
    <message>
        <source>Assignments and receipts</source>
        <translation>任务和回执</translation>
    </message>
    <message>
        <source>Receipts only</source>
        <translation>仅回执</translation>
    </message>
    <message>
        <source>A bundle for one laptop carries only its inspectors&apos; assignments, the inspections it sent that were returned, and the items it is to re-inspect</source>
        <translation>发给一台笔记本的数据包只包含其检查人员的任务、它交来后被退回的检查以及它要复查的整改事项</translation>
    </message>
    <message>
        <source>Everything, not only what the office has not confirmed</source>
        <translation>全部内容，而不仅是县里尚未确认的</translation>
    </message>
    <message>
        <source>&amp;Import a bundle…</source>
        <translation>导入同步包(&amp;I)……</translation>
    </message>
    <message>
        <source>&amp;Exchange</source>
        <translation>交换(&amp;E)</translation>
    </message>
    <message>
        <source>for every laptop</source>
        <translation>发给所有笔记本</translation>
    </message>
    <message>
        <source>for “%1” only</source>
        <translation>只发给“%1”</translation>
    </message>
    <message numerus="yes">
        <source>Waiting to be sent: %n assignment(s) not sent to the laptops yet.</source>
        <translation>
            <numerusform>待发送：%n 项任务尚未发给外业笔记本。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every assignment has been sent to the laptops.</source>
        <translation>所有任务都已发给外业笔记本。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>等另外 %n 次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting to be sent: %n completed inspection(s) (%1) with %2 new photo(s).</source>
        <translation>
            <numerusform>待发送：已完成的检查 %n 次（%1），新照片 %2 张。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing new to send: every completed inspection has been sent.</source>
        <translation>没有新的内容要发送：已完成的检查都已发送。</translation>
    </message>
    <message numerus="yes">
        <source>%n inspection(s) sent but not yet confirmed by the office go again with the next bundle.</source>
        <translation>
            <numerusform>已发送但县级办公室尚未确认收到的 %n 次检查将随下一个同步包再次发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n inspection(s) still in progress will be sent once completed.</source>
        <translation>
            <numerusform>进行中的 %n 次检查完成后才会发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>正在写入同步包……</translation>
    </message>
    <message>
        <source>Bundle written and checked: %1</source>
        <translation>同步包已写入并校验：%1</translation>
    </message>
    <message>
        <source>Checking the bundle… (nothing is written yet)</source>
        <translation>正在检查同步包……（尚未写入任何内容）</translation>
    </message>
    <message>
        <source>Checked. Nothing is written until you choose Import.</source>
        <translation>已检查完毕。点“导入”之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Not imported. Nothing was changed.</source>
        <translation>未导入，没有任何改动。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入……</translation>
    </message>
    <message>
        <source>This bundle was imported before; nothing changed.</source>
        <translation>此同步包以前已导入过，没有任何改动。</translation>
    </message>
    <message>
        <source>Choose the right versions on the Conflicts tab.</source>
        <translation>请在“冲突”页选择正确的版本。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) deleted here came back because they were changed elsewhere; delete them again if they are not wanted.</source>
        <translation>
            <numerusform>有 %n 条本机删除过的记录因对方修改而重新导入；如果不需要，请再次删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled. Nothing was left behind.</source>
        <translation>已取消，没有留下任何残余文件。</translation>
    </message>
</context>
<context>
    <name>FolderMessage</name>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>No file manager could show the folder. The program&apos;s data (database, photos, backups) is here:</source>
        <translation>没有可以打开文件夹的文件管理器。本程序的数据（数据库、照片、备份）在这里：</translation>
    </message>
    <message>
        <source>&amp;Copy the path</source>
        <translation>复制路径(&amp;C)</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
    <message>
        <source>The data folder is %1</source>
        <translation>数据文件夹：%1</translation>
    </message>
</context>
<context>
    <name>GripHandle</name>
    <message>
        <source>Drag to widen or narrow the site list</source>
        <translation>拖动可加宽或收窄站点列表</translation>
    </message>
</context>
<context>
    <name>HeatModel</name>
    <message>
        <source>Site</source>
        <extracomment>A cell&apos;s score for the delegate: a number 0..1, ``NO_SCORE`` when nothing was counted, None for the site&apos;s name. The bands&apos; lower bounds, best first, and their colours (ColorBrewer &quot;Blues&quot;): the further below full marks, the deeper the blue.</extracomment>
        <translation>场所</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>%1 (click to sort by it)</source>
        <translation>%1（点击按此列排序）</translation>
    </message>
    <message>
        <source>%1 · %2 · visited %3</source>
        <translation>%1 · %2 · %3 检查</translation>
    </message>
    <message>
        <source>%1 · %2: %3 (visited %4; double-click to open the inspection)</source>
        <translation>%1 · %2：%3（%4 检查；双击打开该次检查）</translation>
    </message>
</context>
<context>
    <name>HeatPanel</name>
    <message>
        <source>Each site&apos;s score by second-level indicator, best sites first; double-click a cell (or press Enter) to open the site&apos;s inspection.</source>
        <translation>各场所按二级指标的得分（百分制），得分高的在前；双击单元格（或按回车键）打开该场所的这次检查。</translation>
    </message>
    <message>
        <source>Heat map of scores</source>
        <translation>得分热力图</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>— grey, hatched: nothing counted</source>
        <translation>—（灰色斜线）：无计分项</translation>
    </message>
    <message>
        <source>Legend of the heat map&apos;s colours</source>
        <translation>热力图颜色图例</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Confirmed by the office / changes</source>
        <translation>县里确认 / 变更</translation>
    </message>
    <message>
        <source>His&amp;tory</source>
        <translation>历史(&amp;T)</translation>
    </message>
    <message>
        <source>results</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>回执</translation>
    </message>
    <message>
        <source>assignment</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>confirmed %1</source>
        <translation>已于 %1 确认</translation>
    </message>
    <message>
        <source>not confirmed yet</source>
        <translation>尚未确认</translation>
    </message>
    <message>
        <source>new %1, updated %2, conflicts %3</source>
        <translation>新增 %1，更新 %2，冲突 %3</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>检查任务</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Ratings and notes</source>
        <translation>评定与说明</translation>
    </message>
    <message>
        <source>Photo records</source>
        <translation>照片记录</translation>
    </message>
    <message>
        <source>History entries</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <source>Conflict: changed on both sides</source>
        <translation>冲突：双方都有修改</translation>
    </message>
    <message>
        <source>Already here, unchanged</source>
        <translation>本机已有，无变化</translation>
    </message>
    <message>
        <source>Deleted here, stays deleted</source>
        <translation>本机已删除，不再导入</translation>
    </message>
    <message>
        <source>Deleted here, comes back</source>
        <translation>本机已删除，将恢复</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>deleted here</source>
        <translation>本机已删除</translation>
    </message>
    <message>
        <source>brought back</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>%1 %2 (%3, %4)</source>
        <extracomment>Inspections named in the message after an import; the rest are counted.</extracomment>
        <translation>%1 %2（%3，%4）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>and %n more</source>
        <translation>等另外 %n 次</translation>
    </message>
    <message>
        <source>Imported %n inspection(s): %1.</source>
        <translation>已导入 %n 次检查：%1。</translation>
    </message>
    <message>
        <source>Imported %n assignment(s): %1.</source>
        <translation>已导入 %n 项任务：%1。</translation>
    </message>
    <message>
        <source>Imported: %1 new records, %2 updated, %3 conflicts.</source>
        <translation>已导入：新增记录 %1 条，更新 %2 条，冲突 %3 条。</translation>
    </message>
    <message>
        <source>%n new photo(s).</source>
        <translation>新照片 %n 张。</translation>
    </message>
    <message>
        <source>Import bundle — preview</source>
        <translation>导入同步包——预览</translation>
    </message>
    <message>
        <source>inspection results</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>assignments from the county office</source>
        <translation>县里下发的任务</translation>
    </message>
    <message>
        <source>receipt from the county office</source>
        <translation>县里的回执</translation>
    </message>
    <message>
        <source>Bundle no. %1 with %2 from “%3”, made %4.</source>
        <translation>来自“%3”的第 %1 号同步包，内含%2，生成于 %4。</translation>
    </message>
    <message>
        <source>This laptop is not trusted yet. Compare its fingerprint with the one shown on the laptop (Sync screen) before importing:</source>
        <translation>尚未信任这台笔记本电脑。导入前，请将下面的指纹与该电脑“同步”页面上显示的指纹核对：</translation>
    </message>
    <message>
        <source>This is the first bundle from the county office. Its key will be remembered; compare the fingerprint with the office (by phone or on paper):</source>
        <translation>这是县里发来的第一个同步包。将记住其密钥；请与县里（通过电话或纸面）核对指纹：</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>I compared the fingerprint and it is the same</source>
        <translation>我已核对指纹，两者一致</translation>
    </message>
    <message>
        <source>This bundle was imported already; importing it again changes nothing.</source>
        <translation>此同步包已导入过，再次导入不会有任何改变。</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>New records</source>
        <translation>新记录</translation>
    </message>
    <message>
        <source>Updated records</source>
        <translation>更新的记录</translation>
    </message>
    <message>
        <source>Identical records (nothing to do)</source>
        <translation>相同的记录（无需处理）</translation>
    </message>
    <message>
        <source>Conflicts (changed on both sides; both kept)</source>
        <translation>冲突（两边都修改过，均已保留）</translation>
    </message>
    <message>
        <source>New photos</source>
        <translation>新照片</translation>
    </message>
    <message>
        <source>Photos already here</source>
        <translation>已有的照片</translation>
    </message>
    <message>
        <source>Deleted here, not brought back</source>
        <translation>本机已删除，不再导入</translation>
    </message>
    <message>
        <source>Deleted here but changed elsewhere: brought back</source>
        <translation>本机已删除，但对方又修改过：重新导入</translation>
    </message>
    <message>
        <source>Receipts for this laptop&apos;s bundles</source>
        <translation>本机同步包的回执</translation>
    </message>
    <message>
        <source>Nothing has been written yet. A backup of the database is made before importing; nothing here is deleted.</source>
        <translation>目前尚未写入任何内容。导入前会先备份数据库；本机的任何内容都不会被删除。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Hide the records in &amp;detail</source>
        <translation>隐藏记录明细(&amp;D)</translation>
    </message>
    <message>
        <source>Inspections in the bundle: %1 (%2).</source>
        <translation>同步包中的检查：%1 次（%2）。</translation>
    </message>
    <message>
        <source>Assignments in the bundle: %1 (%2).</source>
        <translation>同步包中的任务：%1 项（%2）。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Inspections in the bundle</source>
        <translation>同步包中的检查</translation>
    </message>
    <message>
        <source>Assignments in the bundle</source>
        <translation>同步包中的任务</translation>
    </message>
    <message numerus="yes">
        <source>%n more inspection(s) are not listed below.</source>
        <translation>
            <numerusform>另有 %n 次检查未在下面列出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the records in &amp;detail</source>
        <translation>显示记录明细(&amp;D)</translation>
    </message>
    <message>
        <source>The bundle holds no inspections or assignments.</source>
        <translation>同步包中没有检查，也没有任务。</translation>
    </message>
    <message>
        <source>Import does</source>
        <translation>导入后</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>记录类别</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Identical</source>
        <translation>相同</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Deleted here</source>
        <translation>本机已删除</translation>
    </message>
    <message>
        <source>Brought back</source>
        <translation>重新导入</translation>
    </message>
    <message>
        <source>Records by kind</source>
        <translation>各类记录</translation>
    </message>
</context>
<context>
    <name>IndicatorTree</name>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>General photos of the visit</source>
        <translation>现场总体照片</translation>
    </message>
    <message>
        <source>Overall comment</source>
        <translation>综合意见</translation>
    </message>
    <message>
        <source>The overall comment of the visit (printed in the report)</source>
        <translation>这次检查的综合意见（印在检查报告中）</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) of the county office</source>
        <translation>
            <numerusform>县里的审核意见 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IndicatorsPanel</name>
    <message>
        <source>Compliance by indicator</source>
        <translation>各指标达标情况</translation>
    </message>
    <message>
        <source>Legend of the compliance bars</source>
        <translation>达标情况条形图图例</translation>
    </message>
    <message>
        <source>Common problems</source>
        <translation>常见问题</translation>
    </message>
    <message>
        <source>Common problems: criteria most often found wanting</source>
        <translation>常见问题：最常未达标的检查项</translation>
    </message>
</context>
<context>
    <name>InspectionController</name>
    <message>
        <source>Saving your last changes: waiting for the database…</source>
        <translation>正在保存最后的修改，等待数据库……</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>正在保存</translation>
    </message>
    <message>
        <source>Inspection in progress</source>
        <translation>进行中的检查</translation>
    </message>
    <message>
        <source>This site has an inspection in progress (%1). Continue it?</source>
        <translation>这个站点有一次进行中的检查（%1）。继续这次检查？</translation>
    </message>
    <message>
        <source>Delete the inspection in progress of %1 on %2?

Its %3 rating(s), %4 note(s) and %5 photo(s) are deleted with it. This cannot be undone.</source>
        <translation>删除 %1 在 %2 的进行中检查？

它的 %3 项评定、%4 条说明和 %5 张照片将一起删除，且无法撤销。</translation>
    </message>
    <message>
        <source>Delete the inspection in progress</source>
        <translation>删除进行中的检查</translation>
    </message>
</context>
<context>
    <name>InspectionDetailsDialog</name>
    <message>
        <source>Inspection details</source>
        <translation>检查信息</translation>
    </message>
    <message>
        <source>Date of the visit</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>Names, separated by 、</source>
        <translation>姓名，用“、”分隔</translation>
    </message>
    <message>
        <source>&amp;Inspectors:</source>
        <translation>检查人(&amp;I)：</translation>
    </message>
    <message>
        <source>Site staff present</source>
        <translation>在场的站点人员</translation>
    </message>
    <message>
        <source>Site staff &amp;present:</source>
        <translation>在场站点人员(&amp;P)：</translation>
    </message>
    <message>
        <source>De&amp;lete this inspection in progress…</source>
        <translation>删除这次进行中的检查(&amp;L)……</translation>
    </message>
    <message>
        <source>Please enter who inspects.</source>
        <translation>请填写检查人。</translation>
    </message>
</context>
<context>
    <name>ItemEditDialog</name>
    <message>
        <source>Rectification item</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Finding: %1</source>
        <translation>存在问题：%1</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <source>&amp;Requirement:</source>
        <translation>整改要求(&amp;R)：</translation>
    </message>
    <message>
        <source>Person responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Who puts it right at the site</source>
        <translation>场所负责整改的人员</translation>
    </message>
    <message>
        <source>Res&amp;ponsible:</source>
        <translation>责任人(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Own deadline</source>
        <translation>单独设定期限(&amp;O)</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>整改期限：</translation>
    </message>
    <message>
        <source>Without a deadline of its own the item takes the letter&apos;s.</source>
        <translation>未单独设定期限的事项，采用意见书的整改期限。</translation>
    </message>
    <message>
        <source>The requirement cannot be empty.</source>
        <translation>整改要求不能为空。</translation>
    </message>
    <message>
        <source>The deadline is in the past: choose today or a later day.</source>
        <translation>整改期限已经过去：请选择今天或以后的日期。</translation>
    </message>
</context>
<context>
    <name>ItemReportDialog</name>
    <message>
        <source>Record the site&apos;s rectification report</source>
        <translation>登记场所整改报告</translation>
    </message>
    <message>
        <source>Requirement: %1</source>
        <translation>整改要求：%1</translation>
    </message>
    <message>
        <source>Date of the report</source>
        <translation>报告日期</translation>
    </message>
    <message>
        <source>Report &amp;date:</source>
        <translation>报告日期(&amp;D)：</translation>
    </message>
    <message>
        <source>What the report says</source>
        <translation>报告内容</translation>
    </message>
    <message>
        <source>What the site says it has done</source>
        <translation>场所报告的整改情况</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>报告内容(&amp;T)：</translation>
    </message>
    <message>
        <source>Attachments (photos or scanned pages):</source>
        <translation>附件（照片或扫描件）：</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>&amp;Add images…</source>
        <translation>添加图片(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Rec&amp;ord</source>
        <translation>登记(&amp;O)</translation>
    </message>
    <message>
        <source>The report cannot be dated after today.</source>
        <translation>报告日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Enter what the report says or add its pages.</source>
        <translation>请填写报告内容或添加报告页面。</translation>
    </message>
    <message>
        <source>The text is too long; shorten it.</source>
        <translation>内容过长，请缩短。</translation>
    </message>
</context>
<context>
    <name>ItemsTable</name>
    <message>
        <source>Criterion</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评定</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <extracomment>The columns that may be edited in place, when the item allows it.</extracomment>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Person responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Items of the letter</source>
        <translation>意见书的整改事项</translation>
    </message>
</context>
<context>
    <name>LedgerFilters</name>
    <message>
        <source>Township</source>
        <extracomment>The states offered, in the order an item goes through them.</extracomment>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>All townships</source>
        <translation>全部乡镇（街道）</translation>
    </message>
    <message>
        <source>&amp;Township:</source>
        <translation>乡镇(&amp;T)：</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部层级</translation>
    </message>
    <message>
        <source>T&amp;ier:</source>
        <translation>层级(&amp;I)：</translation>
    </message>
    <message>
        <source>States</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>O&amp;verdue only</source>
        <translation>仅看逾期(&amp;V)</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>All issued items</source>
        <translation>全部已发出事项</translation>
    </message>
    <message>
        <source>overdue only</source>
        <translation>仅逾期</translation>
    </message>
</context>
<context>
    <name>LedgerPanel</name>
    <message>
        <source>Items shown</source>
        <extracomment>The rows a column&apos;s width is measured on (the first ones shown).</extracomment>
        <translation>列出的事项</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Letter number</source>
        <translation>意见书文号</translation>
    </message>
    <message>
        <source>Rectification ledger</source>
        <translation>整改台账</translation>
    </message>
    <message>
        <source>Recor&amp;d site report…</source>
        <translation>登记整改报告(&amp;D)…</translation>
    </message>
    <message>
        <source>Verified…</source>
        <translation>核实…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>销号…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Order re-inspection…</source>
        <translation>安排复查…</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>导出 CSV(&amp;X)…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>%1 day(s) past the deadline</source>
        <extracomment>Cells whose text may be long: their whole text is their tooltip.</extracomment>
        <translation>已超过期限 %1 天</translation>
    </message>
    <message>
        <source>%1 item(s), %2 overdue</source>
        <translation>共 %1 项，逾期 %2 项</translation>
    </message>
    <message>
        <source>Choose an item to see it whole.</source>
        <translation>选择一个整改事项，可在此查看全部内容。</translation>
    </message>
    <message>
        <source>Finding: %1</source>
        <translation>存在问题：%1</translation>
    </message>
    <message>
        <source>Requirement: %1</source>
        <translation>整改要求：%1</translation>
    </message>
    <message>
        <source>Reports received: %1</source>
        <translation>已收到整改报告：%1 份</translation>
    </message>
    <message>
        <source>Latest: %1</source>
        <translation>最新情况：%1</translation>
    </message>
    <message>
        <source>Mark the item verified</source>
        <translation>核实整改事项</translation>
    </message>
    <message>
        <source>Close the item</source>
        <translation>整改事项销号</translation>
    </message>
    <message>
        <source>Reopen the item</source>
        <translation>重新打开整改事项</translation>
    </message>
    <message>
        <source>%1 · %2
Note (how it was checked, why):</source>
        <translation>%1 · %2
说明（如何核实、原因）：</translation>
    </message>
    <message>
        <source>%1: now %2.</source>
        <translation>%1：现为「%2」。</translation>
    </message>
    <message>
        <source>Photos or scans of the report</source>
        <translation>整改报告的照片或扫描件</translation>
    </message>
    <message>
        <source>Images (%1);;All files (*)</source>
        <translation>图片 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The site&apos;s report was recorded (%1 attachment(s)).</source>
        <translation>已登记场所的整改报告（附件 %1 个）。</translation>
    </message>
    <message>
        <source>%1 (%2, deadline %3)</source>
        <translation>%1（%2，期限 %3）</translation>
    </message>
    <message>
        <source>Re-inspection of %1 ordered for %2; it goes out with the next assignment bundle.</source>
        <translation>已安排 %2 复查%1，将随下一个任务同步包发出。</translation>
    </message>
    <message>
        <source>Export the ledger</source>
        <translation>导出整改台账</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>%1 item(s) exported to %2.</source>
        <translation>已将 %1 个整改事项导出到 %2。</translation>
    </message>
    <message>
        <source>Save the ledger as PDF</source>
        <translation>将整改台账保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <source>Letters and rectification</source>
        <translation>意见书与整改</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>正在打开……</translation>
    </message>
    <message>
        <source>Letter settings…</source>
        <translation>意见书设置…</translation>
    </message>
    <message>
        <source>Issuing body, letter numbers, deadline days</source>
        <translation>督导机构、意见书文号、整改天数</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>督导意见书</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>整改台账</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>复查冲突</translation>
    </message>
    <message>
        <source>%1 draft letter(s) to issue · %2 item(s) being rectified, %3 overdue, %4 reported by the site · %5 conflict(s)</source>
        <translation>待发出意见书 %1 份 · 整改中事项 %2 项，其中逾期 %3 项，场所已报告 %4 项 · 复查冲突 %5 条</translation>
    </message>
    <message>
        <source>Draft</source>
        <extracomment>What a change of a letter, an item, a site&apos;s report or the office&apos;s settings announces; the office&apos;s screens (work queue, letters) listen for it. Changes after which the tab reads its letters, items and conflicts again: an approval (a letter drafted), an import (a re-inspection&apos;s results), the registry (names). An overdue item&apos;s text: a quiet red-brown, readable on white and on a selected row.</extracomment>
        <translation>草稿</translation>
    </message>
</context>
<context>
    <name>LetterIssueDialog</name>
    <message>
        <source>Issue the feedback letter</source>
        <translation>发出督导意见书</translation>
    </message>
    <message>
        <source>Issuing numbers the letter and opens its %1 item(s) for rectification; the letter can no longer be changed afterwards. An item with a deadline of its own keeps it.</source>
        <translation>发出后，意见书获得文号，其中 %1 个整改事项开始整改，意见书不能再修改。单独设定了期限的事项保留各自的期限。</translation>
    </message>
    <message>
        <source>Number the letter will get</source>
        <translation>将获得的文号</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>文号：</translation>
    </message>
    <message>
        <source>Issuing body:</source>
        <translation>督导机构：</translation>
    </message>
    <message>
        <source>Rectification deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>整改期限(&amp;D)：</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>签发人</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Issued &amp;by:</source>
        <translation>签发人(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>发出(&amp;I)</translation>
    </message>
    <message>
        <source>The deadline %1 is in the past: choose today or a later day.</source>
        <translation>整改期限 %1 已经过去：请选择今天或以后的日期。</translation>
    </message>
    <message>
        <source>Please enter who issues the letter.</source>
        <translation>请填写签发人姓名。</translation>
    </message>
</context>
<context>
    <name>LettersPanel</name>
    <message>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发出日期</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>事项数</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>督导意见书</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Edit the item (Enter); F2 edits a cell in place</source>
        <translation>编辑整改事项（回车）；F2 可直接修改单元格</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <source>Merge the selected items into one</source>
        <translation>将选中的整改事项合并为一项</translation>
    </message>
    <message>
        <source>Drop…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Drop the item from the draft (Delete)</source>
        <translation>从草稿中删除该事项（Delete 键）</translation>
    </message>
    <message>
        <source>&amp;Add item…</source>
        <translation>添加事项(&amp;A)…</translation>
    </message>
    <message>
        <source>An item for another finding of the inspection</source>
        <translation>为这次检查发现的其他问题添加整改事项</translation>
    </message>
    <message>
        <source>&amp;Issue…</source>
        <translation>发出(&amp;I)…</translation>
    </message>
    <message>
        <source>Print letter…</source>
        <translation>打印意见书…</translation>
    </message>
    <message>
        <source>No letters yet. Approving an inspection with findings drafts its site&apos;s letter.</source>
        <translation>还没有督导意见书。审核通过一次发现问题的检查后，会为该场所起草意见书。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · draft letter with %2 item(s): edit, merge or drop items, then issue it.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · 意见书草稿，%2 个整改事项：可编辑、合并或删除事项，然后发出。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %3, issued %4 by %5, deadline %6 · %2 item(s)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %3，%5 于 %4 签发，整改期限 %6 · %2 个整改事项</translation>
    </message>
    <message>
        <source>%1 items merged into one.</source>
        <translation>已将 %1 个整改事项合并为一项。</translation>
    </message>
    <message>
        <source>Drop the item</source>
        <translation>删除整改事项</translation>
    </message>
    <message>
        <source>Drop this item from the draft letter?

%1

It can be added again with “Add item…” while the letter is a draft.</source>
        <translation>从意见书草稿中删除这个整改事项？

%1

意见书发出前，可用“添加事项…”重新加入。</translation>
    </message>
    <message>
        <source>The item was dropped.</source>
        <translation>已删除该整改事项。</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation>添加整改事项</translation>
    </message>
    <message>
        <source>Every finding of the inspection already has an item in this letter.</source>
        <translation>这次检查发现的每个问题在本意见书中都已有整改事项。</translation>
    </message>
    <message>
        <source>An item for which finding of the inspection?</source>
        <translation>为这次检查的哪个问题添加整改事项？</translation>
    </message>
    <message>
        <source>Issued as %1. Print it with “Print letter…”.</source>
        <translation>已发出，文号 %1。可用“打印意见书…”打印。</translation>
    </message>
    <message>
        <source>Save the letter as PDF</source>
        <translation>将意见书保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Inspector — community-education site inspection</source>
        <translation>社区教育督导检查</translation>
    </message>
    <message>
        <source>Opening the data…</source>
        <translation>正在打开数据……</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export sites to CSV…</source>
        <translation>导出站点到 CSV(&amp;E)……</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>S&amp;ync with USB drive…</source>
        <translation>用U盘同步(&amp;Y)……</translation>
    </message>
    <message>
        <source>&amp;Import sites from CSV or Excel…</source>
        <translation>从 CSV 或 Excel 导入站点(&amp;I)……</translation>
    </message>
    <message>
        <source>Su&amp;pervision…</source>
        <translation>督导工作(&amp;P)……</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language and name…</source>
        <translation>语言和姓名(&amp;L)……</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Inspector</source>
        <translation>关于本程序(&amp;A)</translation>
    </message>
    <message>
        <source>The data could not be opened. Its backups are in the backups folder: File → Open the data folder.</source>
        <translation>无法打开数据。备份在数据文件夹的 backups 文件夹中：文件 → 打开数据文件夹。</translation>
    </message>
    <message>
        <source>Cannot open the data</source>
        <translation>无法打开数据</translation>
    </message>
    <message>
        <source>Loading the sites…</source>
        <translation>正在加载站点……</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s)</source>
        <translation>
            <numerusform>共 %n 个站点</numerusform>
        </translation>
    </message>
    <message>
        <source>No sites yet. Use File → Import sites from CSV or Excel.</source>
        <translation>还没有站点。请使用“文件 → 从 CSV 或 Excel 导入站点”。</translation>
    </message>
    <message>
        <source>This computer is now the county office. You can change it on the Sync screen.</source>
        <translation>这台电脑已设为县级办公室。以后可在“用U盘同步”页面更改。</translation>
    </message>
    <message>
        <source>This computer is now a field laptop. You can change it on the Sync screen.</source>
        <translation>这台电脑已设为外业笔记本。以后可在“用U盘同步”页面更改。</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language is used once the program starts again. Everything is saved. Restart now?</source>
        <translation>新的语言在程序重新启动后生效。所有内容都已保存。现在重新启动吗？</translation>
    </message>
    <message>
        <source>The program could not be started again; please start it yourself.</source>
        <translation>程序无法自动重新启动，请您自己再打开它。</translation>
    </message>
    <message>
        <source>About Inspector</source>
        <translation>关于本程序</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Inspector %1&lt;/h3&gt;&lt;p&gt;On-site inspection of a county&apos;s community-education sites: the county college, township schools and village stations.&lt;/p&gt;&lt;p&gt;Data directory: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;社区教育督导检查 %1&lt;/h3&gt;&lt;p&gt;用于县域社区教育三级办学服务机构（县级社区教育学院、乡镇社区学校、村教学站点）的现场督导检查。&lt;/p&gt;&lt;p&gt;数据目录：%2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MissingDialog</name>
    <message>
        <source>Not finished yet</source>
        <translation>尚未完成</translation>
    </message>
    <message>
        <source>The inspection cannot be completed yet. Every criterion needs a rating; a rating of partly meets or does not meet needs a note saying what is missing, and not applicable a note saying why:</source>
        <translation>检查还不能完成。每一条都需要评定；评为“基本符合”或“不符合”的，需要说明缺少什么；评为“不适用”的，需要说明原因：</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>未完成的项目</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>未评定</translation>
    </message>
    <message>
        <source>needs a note saying why it does not apply</source>
        <translation>需要说明不适用的原因</translation>
    </message>
    <message>
        <source>needs a note</source>
        <translation>需要说明</translation>
    </message>
    <message>
        <source>&amp;Go to it</source>
        <translation>转到该条(&amp;G)</translation>
    </message>
</context>
<context>
    <name>MissingItemsDialog</name>
    <message>
        <source>The re-inspection cannot be completed yet. Every item needs a verdict, rectified or not rectified; an item not rectified needs a note saying what is still missing:</source>
        <translation>复查还不能完成。每一项都要给出结论（已整改或未整改）；未整改的事项要写明仍存在的问题：</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>缺少的内容</translation>
    </message>
    <message>
        <source>no verdict</source>
        <translation>未给出结论</translation>
    </message>
    <message>
        <source>not rectified: needs a note</source>
        <translation>未整改，需写明情况</translation>
    </message>
    <message>
        <source>&amp;Go to it</source>
        <translation>转到该项(&amp;G)</translation>
    </message>
</context>
<context>
    <name>OfficeEntry</name>
    <message>
        <source>Review received inspections, plan and draw campaigns, follow feedback letters and rectification</source>
        <translation>审核收到的检查结果，制定督导计划并抽取，跟踪督导意见书和整改</translation>
    </message>
    <message>
        <source>Only on the county office&apos;s computer: this one is a field laptop (its role is changed on the Sync screen)</source>
        <translation>仅限县督导室的电脑：本机是现场检查笔记本（角色可在“同步”界面更改）</translation>
    </message>
    <message>
        <source>Available once the data is open</source>
        <translation>数据打开后可用</translation>
    </message>
    <message>
        <source>Only on the county office&apos;s computer: choose this computer&apos;s role first</source>
        <translation>仅限县督导室的电脑：请先选择本机的角色</translation>
    </message>
</context>
<context>
    <name>OfficeScreen</name>
    <message>
        <source>Supervision</source>
        <extracomment>What the screen shows depends on these changes.</extracomment>
        <translation>督导工作</translation>
    </message>
    <message>
        <source>← Site &amp;list</source>
        <translation>← 站点列表(&amp;L)</translation>
    </message>
    <message>
        <source>Back to the sites</source>
        <translation>返回站点列表</translation>
    </message>
    <message>
        <source>&lt;b&gt;Supervision&lt;/b&gt; · county office: review, campaigns, feedback and rectification</source>
        <translation>&lt;b&gt;督导工作&lt;/b&gt; · 县督导室：审核、督导计划、督导意见与整改</translation>
    </message>
    <message>
        <source>&amp;Work queue</source>
        <translation>工作台(&amp;W)</translation>
    </message>
    <message>
        <source>County &amp;overview</source>
        <translation>全县概况(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Campaigns</source>
        <translation>督导计划(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <source>L&amp;etters and rectification</source>
        <translation>意见书与整改(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Review (%1)</source>
        <translation>审核(&amp;R)（%1）</translation>
    </message>
</context>
<context>
    <name>OfficeSettingsDialog</name>
    <message>
        <source>Office settings</source>
        <translation>意见书设置</translation>
    </message>
    <message>
        <source>What the feedback letters print. The settings are kept with the data, so every clerk of the office uses the same.</source>
        <translation>督导意见书上打印的内容。设置随数据保存，县里每位工作人员使用同一设置。</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>督导机构</translation>
    </message>
    <message>
        <source>&amp;Issuing body:</source>
        <translation>督导机构(&amp;I)：</translation>
    </message>
    <message>
        <source>Number prefix</source>
        <translation>文号前缀</translation>
    </message>
    <message>
        <source>Number &amp;prefix:</source>
        <translation>文号前缀(&amp;P)：</translation>
    </message>
    <message>
        <source>Example number</source>
        <translation>文号示例</translation>
    </message>
    <message>
        <source>Numbers read:</source>
        <translation>文号示例：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Days to rectify</source>
        <translation>整改天数</translation>
    </message>
    <message>
        <source>&amp;Deadline after issuing:</source>
        <translation>发出后整改期限(&amp;D)：</translation>
    </message>
    <message>
        <source>Please enter the issuing body.</source>
        <translation>请填写督导机构名称。</translation>
    </message>
</context>
<context>
    <name>OfficeWords</name>
    <message>
        <source>in the field</source>
        <translation>检查中</translation>
    </message>
    <message>
        <source>awaiting review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>Whole county</source>
        <extracomment>The counted ratings&apos; colours, best first (符合, 基本符合, 不符合): calm, and told apart by readers who do not see red and green (Paul Tol&apos;s &quot;muted&quot; scheme); further ratings grey. Coverage: the sites with a result in the period. Rectification items: closed, open, overdue.</extracomment>
        <translation>全县</translation>
    </message>
    <message>
        <source>County level (no township)</source>
        <translation>县级（不属乡镇）</translation>
    </message>
    <message>
        <source>no ratings counted</source>
        <translation>无计分评定</translation>
    </message>
    <message>
        <source>approved results only</source>
        <translation>只计审核通过的结果</translation>
    </message>
    <message>
        <source>every result received</source>
        <translation>收到的全部结果</translation>
    </message>
    <message>
        <source>%1 site(s) in scope · %2 inspected (%3) · score %4 · %5 · %6</source>
        <translation>范围内 %1 所场所 · 已检查 %2 所（%3）· 得分 %4 · %5 · %6</translation>
    </message>
    <message>
        <source>Campaign “%1”: %2</source>
        <translation>督导计划“%1”：%2</translation>
    </message>
    <message>
        <source>(not applicable is not counted)</source>
        <translation>（“不适用”不计入）</translation>
    </message>
    <message>
        <source>County</source>
        <translation>全县</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Inspected / in scope</source>
        <translation>已检查/应检查</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图示</translation>
    </message>
    <message>
        <source>%1 of %2 site(s) inspected (%3)</source>
        <translation>%2 所中已检查 %1 所（%3）</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果数</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Found wanting</source>
        <translation>未达标次数</translation>
    </message>
    <message>
        <source>Of sites rated</source>
        <translation>评定场所数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>最近一次检查</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上次得分</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Change in percentage points since the site&apos;s previous result</source>
        <translation>与该场所上一次结果相比变化的百分点</translation>
    </message>
    <message>
        <source>County level</source>
        <translation>县级</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未销号</translation>
    </message>
    <message>
        <source>Of which overdue</source>
        <translation>其中逾期</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已销号</translation>
    </message>
    <message>
        <source>%1 closed, %2 open, %3 of them overdue</source>
        <translation>已销号 %1 项，未销号 %2 项，其中逾期 %3 项</translation>
    </message>
</context>
<context>
    <name>OverviewFilters</name>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部层级</translation>
    </message>
    <message>
        <source>T&amp;ier:</source>
        <translation>层级(&amp;I)：</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>All townships</source>
        <translation>全部乡镇（街道）</translation>
    </message>
    <message>
        <source>Tow&amp;nship:</source>
        <translation>乡镇(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Approved results only</source>
        <translation>只计审核通过的结果(&amp;A)</translation>
    </message>
    <message>
        <source>Unticked: every result received counts, those awaiting review too</source>
        <translation>不勾选：收到的全部结果都计入，包括待审核的</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>%1年</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>自选日期……</translation>
    </message>
    <message>
        <source>Campaign: %1</source>
        <translation>督导计划：%1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>County overview</source>
        <extracomment>What the overview shows depends on these changes.</extracomment>
        <translation>全县概况</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>正在打开……</translation>
    </message>
    <message>
        <source>The county&apos;s figures</source>
        <translation>全县数据</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖面</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>达标情况</translation>
    </message>
    <message>
        <source>Indicators and problems</source>
        <translation>指标与常见问题</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>热力图</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>整改</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Ctrl+I; or drop photos on the grid</source>
        <translation>Ctrl+I；也可以把照片拖到这里</translation>
    </message>
    <message>
        <source>&amp;Add photos…</source>
        <translation>添加照片(&amp;A)……</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片……</translation>
    </message>
    <message>
        <source>Import a fol&amp;der…</source>
        <translation>导入文件夹(&amp;D)……</translation>
    </message>
    <message>
        <source>Import all photos of a folder</source>
        <translation>导入一个文件夹中的全部照片</translation>
    </message>
    <message>
        <source>&amp;Move selected to…</source>
        <translation>移到检查项(&amp;M)……</translation>
    </message>
    <message>
        <source>Move selected to…</source>
        <translation>移到检查项……</translation>
    </message>
    <message>
        <source>Move the selected photos to a criterion</source>
        <translation>把选中的照片移到某一检查项</translation>
    </message>
    <message>
        <source>Select several photos with Ctrl or Shift, or Ctrl+A</source>
        <translation>按住 Ctrl 或 Shift 可选多张照片，Ctrl+A 全选</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <source>Taken %1</source>
        <translation>拍摄于 %1</translation>
    </message>
    <message>
        <source>Taken on another day than the visit</source>
        <translation>拍摄日期与检查日期不同</translation>
    </message>
    <message>
        <source>This photo cannot be shown: its file is missing or damaged.</source>
        <translation>这张照片无法显示：文件缺失或已损坏。</translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation>照片 (%1)</translation>
    </message>
    <message>
        <source>Import a folder of photos</source>
        <translation>导入照片文件夹</translation>
    </message>
    <message>
        <source>Adding photos…</source>
        <translation>正在添加照片……</translation>
    </message>
    <message>
        <source>Adding photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Adding photos… %1 of %2: %3</source>
        <translation>正在添加照片……第 %1 张，共 %2 张：%3</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo “%1” deleted.</source>
        <translation>已删除照片“%1”。</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>照片说明</translation>
    </message>
    <message>
        <source>Criterion of this photo</source>
        <translation>照片所属的检查要点</translation>
    </message>
    <message>
        <source>← &amp;Previous</source>
        <translation>← 上一张(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next →</source>
        <translation>下一张(&amp;N) →</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Rotate &amp;left</source>
        <translation>向左旋转(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Rotate right</source>
        <translation>向右旋转(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)……</translation>
    </message>
    <message>
        <source>taken %1</source>
        <translation>拍摄于 %1</translation>
    </message>
    <message>
        <source>⚠ taken on another day than the visit</source>
        <translation>⚠ 拍摄日期与检查日期不同</translation>
    </message>
    <message>
        <source>Delete photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <source>Remove the photo “%1” from this inspection?</source>
        <translation>要从本次检查中删除照片“%1”吗？</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Blank checklist…</source>
        <translation>空白检查表(&amp;B)……</translation>
    </message>
    <message>
        <source>Checklist for this &amp;site</source>
        <translation>本站点的检查表(&amp;S)</translation>
    </message>
    <message>
        <source>Inspection &amp;report</source>
        <translation>检查报告(&amp;R)</translation>
    </message>
    <message>
        <source>Save blank checklist as PDF…</source>
        <translation>将空白检查表保存为 PDF……</translation>
    </message>
    <message>
        <source>Save checklist for this site as PDF…</source>
        <translation>将本站点的检查表保存为 PDF……</translation>
    </message>
    <message>
        <source>Save inspection report as PDF…</source>
        <translation>将检查报告保存为 PDF……</translation>
    </message>
    <message>
        <source>Blank checklist</source>
        <translation>空白检查表</translation>
    </message>
    <message>
        <source>Checklist for which tier?</source>
        <translation>打印哪一层级的检查表？</translation>
    </message>
    <message>
        <source>Preparing the checklist…</source>
        <translation>正在准备检查表……</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>正在准备检查报告……</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Preparing photos: %1 of %2</source>
        <translation>正在准备照片：第 %1 张，共 %2 张</translation>
    </message>
    <message>
        <source>Laying out the pages…</source>
        <translation>正在排版……</translation>
    </message>
    <message>
        <source>Photos that could not be printed: %1 (marked as empty boxes).</source>
        <translation>%1 张照片无法打印（报告中以方框标出）。</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Saved %1 (%2 pages).</source>
        <translation>已保存 %1（共 %2 页）。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>No PDF viewer</source>
        <translation>没有 PDF 阅读器</translation>
    </message>
    <message>
        <source>No program to show PDF files is installed. The file is here:
%1</source>
        <translation>本机没有安装可以打开 PDF 文件的程序。文件位于：
%1</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>无法打印</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>Progress</source>
        <extracomment>Work that ends sooner than this shows no dialog at all.</extracomment>
        <translation>进度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>All Files (*.*)</source>
        <translation>所有文件 (*.*)</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 TB</source>
        <translation>%1 TB</translation>
    </message>
</context>
<context>
    <name>RankingPanel</name>
    <message>
        <source>Ranking of sites</source>
        <translation>场所排名</translation>
    </message>
    <message>
        <source>Ranking of townships</source>
        <translation>乡镇排名</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>场所</translation>
    </message>
    <message>
        <source>Townships</source>
        <translation>乡镇（街道）</translation>
    </message>
</context>
<context>
    <name>RectificationPanel</name>
    <message>
        <source>Rectification by township</source>
        <translation>各乡镇整改情况</translation>
    </message>
    <message>
        <source>Legend of the rectification bars</source>
        <translation>整改情况条形图图例</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已销号</translation>
    </message>
    <message>
        <source>open, not overdue</source>
        <translation>未销号、未逾期</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>No rectification items for these sites yet.</source>
        <translation>这些场所还没有整改事项。</translation>
    </message>
</context>
<context>
    <name>ReinspectionCard</name>
    <message>
        <source>Item %1</source>
        <extracomment>The verdicts in the order of their keys (1, 2).</extracomment>
        <translation>整改事项 %1</translation>
    </message>
    <message>
        <source>Original finding</source>
        <translation>原检查发现</translation>
    </message>
    <message>
        <source>Found on %1: %2</source>
        <translation>原检查（%1）：%2</translation>
    </message>
    <message>
        <source>Found: %2</source>
        <translation>原检查：%2</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>检查说明</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>整改前照片：</translation>
    </message>
    <message>
        <source>No photos were taken of it.</source>
        <translation>原检查没有拍照。</translation>
    </message>
    <message>
        <source>Re-inspection</source>
        <translation>复查结论</translation>
    </message>
    <message>
        <source>Rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>Not rectified</source>
        <translation>未整改</translation>
    </message>
    <message>
        <source>Shortcut: %1</source>
        <translation>快捷键：%1</translation>
    </message>
    <message>
        <source>Note of the re-inspection</source>
        <translation>复查说明</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>整改后照片：</translation>
    </message>
    <message>
        <source>Not rectified needs a note saying what is still missing (F2)</source>
        <translation>未整改须写明仍存在的问题（F2）</translation>
    </message>
    <message>
        <source>Note: what was seen on site (F2)</source>
        <translation>复查说明：现场看到的情况（F2）</translation>
    </message>
</context>
<context>
    <name>ReinspectionConflicts</name>
    <message>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <source>Re-inspected</source>
        <translation>复查日期</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>复查结论</translation>
    </message>
    <message>
        <source>Inspector&apos;s note</source>
        <translation>复查说明</translation>
    </message>
    <message>
        <source>Item now</source>
        <translation>事项现状</translation>
    </message>
    <message>
        <source>Re-inspection conflicts</source>
        <translation>复查冲突</translation>
    </message>
    <message>
        <source>Apply the re-inspection&apos;s &amp;verdict…</source>
        <translation>采用复查结论(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Keep as it is…</source>
        <translation>保持现状(&amp;K)…</translation>
    </message>
    <message>
        <source>No conflicts. A re-inspection&apos;s verdict on an item the office closed or dropped meanwhile would wait here for a decision.</source>
        <translation>没有冲突。若复查结论涉及的整改事项在此期间已被县里销号或删除，会列在这里等待处理。</translation>
    </message>
    <message>
        <source>%1 re-inspection result(s) came back for items the office had closed or dropped meanwhile. Nothing was changed: decide for each whether the re-inspection&apos;s verdict applies.</source>
        <translation>有 %1 条复查结果涉及的整改事项在此期间已被销号或删除。目前未作任何改动：请逐条决定是否采用复查结论。</translation>
    </message>
    <message>
        <source>Apply the re-inspection&apos;s verdict (%1) to the item? A closed item opens again if the verdict is not rectified.</source>
        <translation>对该整改事项采用复查结论（%1）？若结论为未整改，已销号的事项将重新打开。</translation>
    </message>
    <message>
        <source>Keep the item as the office left it and set the re-inspection&apos;s verdict aside?</source>
        <translation>保持该整改事项现状，不采用这次复查结论？</translation>
    </message>
    <message>
        <source>Settle the conflict</source>
        <translation>处理复查冲突</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>复查冲突（%1）</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>复查冲突</translation>
    </message>
</context>
<context>
    <name>ReinspectionOrderDialog</name>
    <message>
        <source>Order a re-inspection</source>
        <extracomment>Days the re-inspection&apos;s period lasts unless the clerk changes it.</extracomment>
        <translation>安排复查</translation>
    </message>
    <message>
        <source>The inspector verifies the items checked below on site; the order reaches the laptop with the next assignment bundle.</source>
        <translation>检查人员到现场逐项核实下面勾选的整改事项；复查任务随下一个任务同步包发到笔记本电脑。</translation>
    </message>
    <message>
        <source>Items to verify</source>
        <translation>待核实的整改事项</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>复查人员</translation>
    </message>
    <message>
        <source>Who re-inspects</source>
        <translation>由谁复查</translation>
    </message>
    <message>
        <source>&amp;Inspector:</source>
        <translation>复查人员(&amp;I)：</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>开始(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>截止(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Order</source>
        <translation>安排(&amp;O)</translation>
    </message>
    <message>
        <source>Check at least one item to verify.</source>
        <translation>请至少勾选一个待核实的整改事项。</translation>
    </message>
    <message>
        <source>Please enter who re-inspects.</source>
        <translation>请填写复查人员姓名。</translation>
    </message>
    <message>
        <source>The last day comes before the first.</source>
        <translation>截止日期早于开始日期。</translation>
    </message>
</context>
<context>
    <name>ReinspectionView</name>
    <message>
        <source>Items to verify</source>
        <extracomment>Makes a card&apos;s photo strip: (the check, &quot;before&quot; or &quot;after&quot;).</extracomment>
        <translation>需核实的整改事项</translation>
    </message>
    <message numerus="yes">
        <source>Re-inspection: %n rectification item(s) to verify</source>
        <extracomment>The photo strips; None shows none (tests of the cards alone).</extracomment>
        <translation>
            <numerusform>复查：核实 %n 项整改事项</numerusform>
        </translation>
    </message>
    <message>
        <source>For each item, compare the site with the original finding and its photos, choose rectified or not rectified (keys 1 and 2), note what you saw and add photos after the rectification (Ctrl+I). An item not rectified needs a note saying what is still missing.</source>
        <translation>逐项对照原检查发现和整改前照片到现场核实，选择已整改或未整改（键 1、2），写明看到的情况，并拍整改后照片（Ctrl+I）。未整改的事项须写明仍存在的问题。</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen the inspection</source>
        <translation>重新打开检查</translation>
    </message>
    <message>
        <source>Reopen this completed inspection so that it can be changed? Your name and the time are recorded.</source>
        <translation>要重新打开这次已完成的检查以便修改吗？将记录您的姓名和时间。</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>原因(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>重新打开(&amp;R)</translation>
    </message>
    <message>
        <source>Please enter your name: it is recorded with the reopening.</source>
        <translation>请填写您的姓名：重新打开会记录姓名。</translation>
    </message>
</context>
<context>
    <name>ReturnedBanner</name>
    <message>
        <source>Returned by the county office</source>
        <extracomment>The colour of the office&apos;s words: the banner&apos;s frame and each comment&apos;s left edge.</extracomment>
        <translation>退回意见</translation>
    </message>
    <message>
        <source>The reviewer&apos;s comment</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Next comment (%1)</source>
        <translation>下一条意见（%1）</translation>
    </message>
    <message>
        <source>Go to the next criterion with a comment</source>
        <translation>转到下一条有审核意见的指标</translation>
    </message>
    <message>
        <source>Reviewer: %1 · %2</source>
        <translation>审核人：%1 · %2</translation>
    </message>
    <message>
        <source>(no overall comment)</source>
        <translation>（没有总体意见）</translation>
    </message>
    <message numerus="yes">
        <source>%n criterion/criteria have comments: change what is needed and finish the inspection again.</source>
        <translation>
            <numerusform>%n 条指标有审核意见：请按意见修改，然后重新完成检查。</numerusform>
        </translation>
    </message>
    <message>
        <source>Change what is needed and finish the inspection again.</source>
        <translation>请按意见修改，然后重新完成检查。</translation>
    </message>
    <message>
        <source>Reviewer %1: %2</source>
        <translation>审核意见（%1）：%2</translation>
    </message>
    <message>
        <source>The county office&apos;s comment</source>
        <translation>县里的审核意见</translation>
    </message>
</context>
<context>
    <name>ReviewDecisionDialog</name>
    <message>
        <source>Return the inspection</source>
        <extracomment>A light tint on the criteria the inspector found wanting (基本符合, 不符合).</extracomment>
        <translation>退回检查结果</translation>
    </message>
    <message>
        <source>Approve the inspection</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Re&amp;viewer:</source>
        <translation>审核人(&amp;V)：</translation>
    </message>
    <message>
        <source>Overall comment</source>
        <translation>总体意见</translation>
    </message>
    <message>
        <source>What the inspector should look at again</source>
        <translation>请检查人员重新核实的内容</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可不填</translation>
    </message>
    <message>
        <source>Overall &amp;comment:</source>
        <translation>总体意见(&amp;C)：</translation>
    </message>
    <message>
        <source>Comments on criteria (type in the last column; criteria found wanting are tinted):</source>
        <translation>逐条意见（在最后一列填写；评为基本符合、不符合的条目已标色）：</translation>
    </message>
    <message>
        <source>&amp;Return to the inspector</source>
        <translation>退回检查人员(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>通过(&amp;A)</translation>
    </message>
    <message>
        <source>The inspection goes back to its laptop with the next assignment bundle; the inspector sees your comments on the criteria concerned. The ratings stay the inspector&apos;s.</source>
        <translation>检查结果将随下一个任务同步包退回原笔记本，检查人员会在相应条目上看到您的意见。评定结果仍由检查人员作出。</translation>
    </message>
    <message>
        <source>Approving applies the re-inspection&apos;s verdicts: rectified items close, the others stay open with the new finding.</source>
        <translation>通过后复查结论生效：已整改的事项销号，其余事项按新的情况继续整改。</translation>
    </message>
    <message numerus="yes">
        <source>Approving makes the inspection count as a result and drafts the site&apos;s feedback letter with an item for each of the %n criteria found wanting.</source>
        <translation>
            <numerusform>通过后，本次检查计入结果，并起草该场所的督导意见书，为 %n 条未达标的条目各列一项整改事项。</numerusform>
        </translation>
    </message>
    <message>
        <source>Approving makes the inspection count as a result. Nothing was found wanting: no feedback letter is needed.</source>
        <translation>通过后，本次检查计入结果。没有未达标的条目，无需督导意见书。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>评估要点</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评定</translation>
    </message>
    <message>
        <source>Inspector&apos;s note</source>
        <translation>检查说明</translation>
    </message>
    <message>
        <source>Comment to the inspector</source>
        <translation>给检查人员的意见</translation>
    </message>
    <message>
        <source>Comments on criteria</source>
        <translation>逐条意见</translation>
    </message>
    <message>
        <source>Say who reviews: type your name.</source>
        <translation>请填写审核人姓名。</translation>
    </message>
    <message>
        <source>Say why it is returned: write an overall comment or a comment on at least one criterion.</source>
        <translation>请写明退回原因：填写总体意见，或至少对一个条目写意见。</translation>
    </message>
</context>
<context>
    <name>ReviewDetail</name>
    <message>
        <source>← &amp;Back to the list</source>
        <extracomment>The criteria changed since the last return.</extracomment>
        <translation>← 返回列表(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Open in the checklist</source>
        <translation>在检查表中打开(&amp;O)</translation>
    </message>
    <message>
        <source>The inspection as the inspector submitted it, with its photos (a completed inspection cannot be edited)</source>
        <translation>查看检查人员提交的检查结果及照片（已完成的检查不能修改）</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>通过(&amp;A)……</translation>
    </message>
    <message>
        <source>Re&amp;turn…</source>
        <translation>退回(&amp;T)……</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>评估要点</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评定</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Criteria and ratings</source>
        <translation>评估要点与评定</translation>
    </message>
    <message>
        <source>Review history</source>
        <translation>审核记录</translation>
    </message>
    <message>
        <source>Changed since the last return</source>
        <translation>上次退回后的修改</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审核结论</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>It is with its inspector until it is sent back: see the review history</source>
        <translation>检查结果在检查人员处，重新提交前无法查看：请看审核记录</translation>
    </message>
    <message numerus="yes">
        <source>%n criterion(s) changed since the last return: tinted below.</source>
        <translation>
            <numerusform>上次退回后有 %n 个条目被修改，已在下方标色。</numerusform>
        </translation>
    </message>
    <message>
        <source>Original finding</source>
        <translation>原检查说明</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>复查结论</translation>
    </message>
    <message>
        <source>No decision yet</source>
        <translation>尚未审核</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>未评定</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n 张照片</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <source>Which inspections</source>
        <extracomment>The filter&apos;s choices, in order: the states each shows (None: every one).</extracomment>
        <translation>显示哪些检查</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>All received</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Stat&amp;e:</source>
        <translation>状态(&amp;E)：</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Times returned</source>
        <translation>退回次数</translation>
    </message>
    <message>
        <source>Re-inspection</source>
        <translation>复查</translation>
    </message>
    <message>
        <source>Inspections received</source>
        <translation>收到的检查结果</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Its criteria, ratings and history (Enter)</source>
        <translation>查看评估要点、评定和审核记录（Enter）</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>通过(&amp;A)……</translation>
    </message>
    <message>
        <source>Re&amp;turn…</source>
        <translation>退回(&amp;T)……</translation>
    </message>
    <message numerus="yes">
        <source>%n inspection(s)</source>
        <translation>
            <numerusform>共 %n 次检查</numerusform>
        </translation>
    </message>
    <message>
        <source>Not returned</source>
        <translation>未能退回</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>未能通过</translation>
    </message>
    <message numerus="yes">
        <source>Returned to the inspector: %1, with comments on %n criterion(s). It travels to the laptop with the next assignment bundle.</source>
        <translation>
            <numerusform>已退回检查人员：%1，含 %n 条逐条意见。将随下一个任务同步包发到笔记本。</numerusform>
        </translation>
    </message>
    <message>
        <source>Approved: %1.</source>
        <translation>已通过：%1。</translation>
    </message>
    <message numerus="yes">
        <source>A feedback letter was drafted with %n item(s); see the letters and items.</source>
        <translation>
            <numerusform>已起草督导意见书，含 %n 项整改事项，请在意见书与整改中查看。</numerusform>
        </translation>
    </message>
    <message>
        <source>The re-inspection&apos;s verdicts were applied to their items.</source>
        <translation>复查结论已应用到相应整改事项。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) had been closed or dropped meanwhile: kept as conflicts for you to settle.</source>
        <translation>
            <numerusform>其中 %n 项在此期间已销号或删除：作为冲突保留，请处理。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was found wanting: no letter is needed.</source>
        <translation>没有未达标的条目，无需督导意见书。</translation>
    </message>
</context>
<context>
    <name>RoleBanner</name>
    <message>
        <source>Choose this computer&apos;s role</source>
        <translation>选择这台电脑的用途</translation>
    </message>
    <message>
        <source>First start: what is this computer for?</source>
        <translation>首次使用：这台电脑做什么用？</translation>
    </message>
    <message>
        <source>A name for this computer, e.g. 张明的笔记本</source>
        <translation>本机名称，例如“张明的笔记本”</translation>
    </message>
    <message>
        <source>A name for this computer</source>
        <translation>本机名称</translation>
    </message>
    <message>
        <source>Field l&amp;aptop (inspects sites)</source>
        <translation>外业笔记本（到站点检查）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;County office (receives results)</source>
        <translation>县级办公室（接收结果）(&amp;C)</translation>
    </message>
    <message>
        <source>Inspects sites and sends the results to the county office</source>
        <translation>到站点检查，并把结果交给县级办公室</translation>
    </message>
    <message>
        <source>Receives the laptops&apos; results, sends sites, checklists and assignments</source>
        <translation>接收各笔记本的检查结果，下发站点、检查表和任务</translation>
    </message>
</context>
<context>
    <name>RoleBox</name>
    <message>
        <source>Choose this computer&apos;s role (once)</source>
        <translation>选择本机的角色（只需一次）</translation>
    </message>
    <message>
        <source>County office: receives results, sends assignments and receipts</source>
        <translation>县级办公室：接收检查结果，下发任务和回执</translation>
    </message>
    <message>
        <source>Field laptop: inspects sites, sends results to the office</source>
        <translation>外业笔记本：检查站点，把结果交给县里</translation>
    </message>
    <message>
        <source>A name for this computer, e.g. 张明的笔记本</source>
        <translation>本机名称，例如“张明的笔记本”</translation>
    </message>
    <message>
        <source>Save the role</source>
        <translation>保存角色</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Filled in as inspector of new inspections</source>
        <translation>新建检查时自动填为检查人</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>A new language takes effect when the program is started again.</source>
        <translation>更改语言后，需重新启动程序才能生效。</translation>
    </message>
</context>
<context>
    <name>SiteCsvActions</name>
    <message>
        <source>Import sites</source>
        <translation>导入站点</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1……</translation>
    </message>
    <message>
        <source>Site lists (*.csv *.xlsx)</source>
        <translation>站点名录 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Importing %1: waiting for the database…</source>
        <translation>正在导入 %1：等待数据库……</translation>
    </message>
    <message>
        <source>Sites imported</source>
        <translation>站点已导入</translation>
    </message>
    <message>
        <source>New: %1, changed: %2, unchanged: %3.</source>
        <translation>新增 %1 个，修改 %2 个，未变 %3 个。</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>未导入任何内容</translation>
    </message>
    <message numerus="yes">
        <source>The file has %n bad row(s); nothing was imported.</source>
        <translation>
            <numerusform>文件中有 %n 行有误，未导入任何内容。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export sites</source>
        <translation>导出站点</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s) exported to %1</source>
        <translation>
            <numerusform>已将 %n 个站点导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>SiteDetails</name>
    <message>
        <source>Site details</source>
        <translation>站点详情</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Division code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Last inspection</source>
        <translation>上次检查</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>检查任务</translation>
    </message>
    <message>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <source>Last result received</source>
        <translation>最近收到的结果</translation>
    </message>
    <message>
        <source>Last approved result</source>
        <translation>最近审核通过的结果</translation>
    </message>
    <message>
        <source>No site selected</source>
        <translation>未选择站点</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>SiteHistory</name>
    <message>
        <source>&lt;b&gt;Inspections of this site&lt;/b&gt;</source>
        <translation>&lt;b&gt;本站点的检查记录&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Inspections of this site</source>
        <translation>本站点的检查记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>Start &amp;inspection…</source>
        <translation>开始检查(&amp;I)……</translation>
    </message>
    <message>
        <source>Start an inspection of this site</source>
        <translation>开始检查本站点</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open the selected inspection</source>
        <translation>打开所选的检查</translation>
    </message>
    <message>
        <source>De&amp;lete this inspection in progress…</source>
        <translation>删除这次进行中的检查(&amp;L)……</translation>
    </message>
    <message>
        <source>Delete the selected inspection in progress</source>
        <translation>删除选中的进行中检查</translation>
    </message>
    <message>
        <source>Only an inspection in progress can be deleted, for example one started by mistake. Completed inspections are kept.</source>
        <translation>只能删除进行中的检查（例如误开的检查）。已完成的检查会保留。</translation>
    </message>
</context>
<context>
    <name>SiteSearchBar</name>
    <message>
        <source>Search: name, code or pinyin initials (Ctrl+F)</source>
        <translation>搜索：名称、区划代码或拼音首字母（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search sites</source>
        <translation>搜索站点</translation>
    </message>
    <message>
        <source>Type part of a site&apos;s name, its division code or the first letters of its pinyin (e.g. xk for 溪口). Esc clears the search, then the filters; Down goes to the list.</source>
        <translation>输入站点名称的一部分、区划代码或拼音首字母（如 xk 可找到“溪口”）。按 Esc 先清除搜索文字，再按一次清除筛选；按↓键进入列表。</translation>
    </message>
    <message>
        <source>Show tier</source>
        <translation>按层级显示</translation>
    </message>
    <message>
        <source>Show only sites of one tier</source>
        <translation>只显示某一层级的站点</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部层级</translation>
    </message>
    <message>
        <source>Show state</source>
        <translation>按检查状态显示</translation>
    </message>
    <message>
        <source>Show only sites in one state of inspection</source>
        <translation>只显示处于某种检查状态的站点</translation>
    </message>
    <message>
        <source>Show all received results</source>
        <translation>显示收到的全部结果</translation>
    </message>
    <message>
        <source>Only approved inspections count as results. Tick to show each site&apos;s last inspection received, whatever its review.</source>
        <translation>只有审核通过的检查才计为结果。勾选后显示各站点最近收到的检查，不论是否已审核。</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Has an approved result</source>
        <translation>有审核通过的结果</translation>
    </message>
    <message>
        <source>Never inspected</source>
        <translation>从未检查</translation>
    </message>
    <message>
        <source>Inspection in progress</source>
        <translation>检查进行中</translation>
    </message>
    <message>
        <source>Inspected (completed)</source>
        <translation>已完成检查</translation>
    </message>
    <message>
        <source>Has an assignment</source>
        <translation>有检查任务</translation>
    </message>
    <message>
        <source>Search result</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>New result awaiting review</source>
        <translation>有新结果待审核</translation>
    </message>
    <message>
        <source>Result returned to its inspector</source>
        <translation>有结果已退回检查员</translation>
    </message>
    <message>
        <source>%1 of %2 sites match</source>
        <translation>符合条件的站点 %1 个（共 %2 个）</translation>
    </message>
    <message>
        <source>No site matches the search and filters.</source>
        <translation>没有符合搜索和筛选条件的站点。</translation>
    </message>
</context>
<context>
    <name>SiteTree</name>
    <message>
        <source>the result of %1 awaits review (Supervision → Review)</source>
        <translation>%1 的检查结果待审核（督导工作 → 审核）</translation>
    </message>
    <message>
        <source>new result awaiting review</source>
        <translation>新结果待审核</translation>
    </message>
    <message>
        <source>the result of %1 was returned to its inspector; it counts once sent back and approved</source>
        <translation>%1 的检查结果已退回检查员，重新提交并审核通过后才计入</translation>
    </message>
    <message>
        <source>new result returned</source>
        <translation>新结果已退回</translation>
    </message>
    <message>
        <source>Yes, since %1</source>
        <translation>是，始于 %1</translation>
    </message>
    <message>
        <source>%1 to %2, %3</source>
        <translation>%1 至 %2，%3</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>under way</source>
        <translation>检查中</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Division code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <source>Last inspection</source>
        <translation>上次检查</translation>
    </message>
    <message>
        <source>Last result received</source>
        <translation>最近收到的结果</translation>
    </message>
    <message>
        <source>Last approved result</source>
        <translation>最近审核通过的结果</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>检查任务</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>The county&apos;s sites: the college, its township schools and their village stations</source>
        <translation>全县站点：社区教育学院、乡镇社区学校及村教学站点</translation>
    </message>
    <message>
        <source>Click a column&apos;s title to sort by it (again: reverse, a third time: by code). Drag a border to resize; double-click it to fit. Right-click to hide or show columns.</source>
        <translation>单击列标题按该列排序（再次单击倒序，第三次恢复按区划代码排列）。拖动列边框可调整宽度，双击边框恢复为适合内容的宽度。右键单击可隐藏或显示列。</translation>
    </message>
    <message>
        <source>Fit every column to its contents</source>
        <translation>所有列恢复为适合内容的宽度</translation>
    </message>
</context>
<context>
    <name>StartInspectionDialog</name>
    <message>
        <source>Start a re-inspection</source>
        <translation>开始复查</translation>
    </message>
    <message>
        <source>Start an inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <source>What to inspect</source>
        <translation>检查内容</translation>
    </message>
    <message numerus="yes">
        <source>Re-inspection of %n rectification item(s), assigned %1 – %2</source>
        <translation>
            <numerusform>复查 %n 项整改事项（任务期限 %1 – %2）</numerusform>
        </translation>
    </message>
    <message>
        <source>Inspection by the whole checklist</source>
        <translation>按完整检查表检查</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>检查内容(&amp;W)：</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>Names, separated by 、</source>
        <translation>姓名，用“、”分隔</translation>
    </message>
    <message>
        <source>&amp;Inspectors:</source>
        <translation>检查人(&amp;I)：</translation>
    </message>
    <message>
        <source>Date of the visit</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Site staff present</source>
        <translation>在场的站点人员</translation>
    </message>
    <message>
        <source>Site staff &amp;present:</source>
        <translation>在场站点人员(&amp;P)：</translation>
    </message>
    <message>
        <source>Revisit of</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>No, a first visit</source>
        <translation>否，首次检查</translation>
    </message>
    <message>
        <source>Revisit of %1 (%2)</source>
        <translation>回访 %1 的检查（%2）</translation>
    </message>
    <message>
        <source>&amp;Revisit:</source>
        <translation>回访(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Please enter who inspects.</source>
        <translation>请填写检查人。</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <source>This data folder is already open in another Inspector window:
%1

Switch to that window, or close it and start Inspector again. Two windows on one folder would each show what the other has overwritten.</source>
        <extracomment>The exit code when another window already has the data folder open. How long a background thread may keep the interpreter before the window&apos;s thread gets it back (Python&apos;s default is 5 ms). The window&apos;s thread paints tables by asking Python for each cell; with two workers reading data, every handover at 5 ms added up to stalls of 100 ms and more while the office&apos;s screens loaded (``benchmarks/office.py``).</extracomment>
        <translation>这个数据文件夹已在另一个 Inspector 窗口中打开：
%1

请切换到那个窗口，或关闭它后再启动本程序。两个窗口同时打开一个文件夹，会各自显示已被对方改写的内容。</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>社区教育督导检查</translation>
    </message>
</context>
<context>
    <name>Statuses</name>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>Complete the inspection</source>
        <translation>完成检查</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>已评定</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>评定分布</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <source>Overall comment</source>
        <translation>综合意见</translation>
    </message>
    <message>
        <source>The conclusion of the visit: what is good, what must be improved (printed in the report)</source>
        <translation>这次检查的结论：哪些做得好，哪些需要整改（印在检查报告中）</translation>
    </message>
    <message>
        <source>&amp;Overall comment:</source>
        <translation>综合意见(&amp;O)：</translation>
    </message>
    <message>
        <source>Completed by</source>
        <translation>完成人</translation>
    </message>
    <message>
        <source>Completed &amp;by:</source>
        <translation>完成人(&amp;B)：</translation>
    </message>
    <message>
        <source>A completed inspection is read-only. It can be reopened later; reopening is recorded.</source>
        <translation>已完成的检查为只读。以后可以重新打开，重新打开会被记录。</translation>
    </message>
    <message>
        <source>&amp;Complete inspection</source>
        <translation>完成检查(&amp;C)</translation>
    </message>
    <message>
        <source>Please write the overall comment: it is the conclusion of the report.</source>
        <translation>请填写综合意见：它是检查报告的结论。</translation>
    </message>
    <message>
        <source>The overall comment is too long: please shorten it.</source>
        <translation>综合意见太长，请删减。</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Sync</source>
        <extracomment>What taking one version of a conflicting record changes, by the record&apos;s table. Changes the screen reads the overview again for at once, shown or not. Changes that alter what it shows (what waits to be sent, names): read when next shown.</extracomment>
        <translation>同步</translation>
    </message>
    <message>
        <source>Back to the sites</source>
        <translation>返回站点列表</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>正在打开……</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>更改角色……</translation>
    </message>
    <message>
        <source>role not chosen yet</source>
        <translation>尚未选择角色</translation>
    </message>
    <message>
        <source>county office</source>
        <translation>县级办公室</translation>
    </message>
    <message>
        <source>← Site &amp;list</source>
        <translation>← 站点列表(&amp;L)</translation>
    </message>
    <message>
        <source>This computer (%1): “%2” · fingerprint %3</source>
        <translation>本机（%1）：“%2” · 指纹 %3</translation>
    </message>
    <message>
        <source>field laptop</source>
        <translation>外业笔记本</translation>
    </message>
    <message>
        <source>Make this computer a field laptop? It will then send results instead of receiving them.</source>
        <translation>把本机改为外业笔记本？之后本机将发送检查结果，而不是接收。</translation>
    </message>
    <message>
        <source>Make this computer the county office? It will then receive results from the laptops instead of sending them.</source>
        <translation>把本机改为县级办公室？之后本机将接收各笔记本的检查结果，而不是发送。</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>Export to which folder or USB drive?</source>
        <translation>导出到哪个文件夹或U盘？</translation>
    </message>
    <message>
        <source>Import which bundle?</source>
        <translation>导入哪个同步包？</translation>
    </message>
    <message>
        <source>Inspector bundles (*.inspector-bundle *.zip);;All files (*)</source>
        <translation>督导检查同步包 (*.inspector-bundle *.zip);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Tiers</name>
    <message>
        <source>County community-education college</source>
        <translation>县（市、区）社区教育学院</translation>
    </message>
    <message>
        <source>Township community school</source>
        <translation>乡镇（街道）社区学校</translation>
    </message>
    <message>
        <source>Village teaching station</source>
        <translation>村（社区）教学站（点）</translation>
    </message>
</context>
<context>
    <name>TrendsPanel</name>
    <message>
        <source>Scores by year</source>
        <translation>逐年得分</translation>
    </message>
    <message>
        <source>The county&apos;s score by year (each year&apos;s latest results)</source>
        <translation>全县逐年得分（每年各场所最近一次结果）</translation>
    </message>
    <message>
        <source>Scores by year and township</source>
        <translation>各乡镇逐年得分</translation>
    </message>
    <message>
        <source>Since their previous result: %1 site(s) moved up, %2 moved down.</source>
        <translation>与各自上一次结果相比：%1 所场所得分上升，%2 所下降。</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>Undo the deletion</source>
        <translation>撤销删除</translation>
    </message>
</context>
<context>
    <name>WorkQueueTab</name>
    <message>
        <source>What waits for the office today</source>
        <extracomment>The newest campaigns shown under the counts. The keys of the tabs the counts lead to (``OfficeScreen.show_tab``).</extracomment>
        <translation>今天待办</translation>
    </message>
    <message>
        <source>inspections received, waiting for review</source>
        <translation>份检查结果待审核</translation>
    </message>
    <message>
        <source>Review them</source>
        <translation>去审核</translation>
    </message>
    <message>
        <source>rectification items past their deadline</source>
        <translation>项整改事项已逾期</translation>
    </message>
    <message>
        <source>See the items</source>
        <translation>查看整改事项</translation>
    </message>
    <message>
        <source>assignments due within a week or overdue</source>
        <translation>项检查任务一周内到期或已逾期</translation>
    </message>
    <message>
        <source>See the campaigns</source>
        <translation>查看督导计划</translation>
    </message>
    <message>
        <source>Newest campaigns</source>
        <translation>最近的督导计划</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>督导计划</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>督导期限</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>No campaign yet: plan one on the Campaigns tab.</source>
        <translation>还没有督导计划：可在“督导计划”页新建。</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>已完成 %1/%2</translation>
    </message>
    <message>
        <source>, %1 overdue</source>
        <translation>，逾期 %1</translation>
    </message>
</context>
<context>
    <name>YearChart</name>
    <message>
        <source>County score by year</source>
        <translation>全县逐年得分</translation>
    </message>
    <message>
        <source>%1: %2 (%3 result(s))</source>
        <translation>%1年：%2（%3 个结果）</translation>
    </message>
    <message>
        <source>No results yet</source>
        <translation>尚无结果</translation>
    </message>
    <message>
        <source>%1 result(s)</source>
        <translation>%1 个结果</translation>
    </message>
</context>
</TS>
