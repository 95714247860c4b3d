; Inno Setup 6 script: the Windows installer for Inspector (社区教育督导检查).
;
; Built by packaging\build.ps1 after the PyInstaller one-dir build, or by hand:
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\inspector.iss
; Needs Inno Setup 6.1 or newer. See docs/installing.md.
;
; - Chinese (Simplified) and English installer languages, chosen from Windows' UI language.
; - Per-user install: no administrator rights, into %LOCALAPPDATA%\Programs\Inspector.
; - Start-menu shortcut, and a desktop shortcut (ticked by default).
; - Uninstall removes the program; the user's data (%LOCALAPPDATA%\inspector) is
;   deleted only when the user answers Yes to a question whose default is No.

#ifndef AppVersion
  #error Pass the version: ISCC.exe /DAppVersion=X.Y.Z inspector.iss (build.ps1 does)
#endif
#define AppExe "Inspector.exe"
#define SourceDir AddBackslash(SourcePath) + "..\..\dist\inspector"
#define IconFile AddBackslash(SourcePath) + "..\..\resources\icons\inspector.ico"

; Chinese Simplified messages: shipped with newer Inno Setup releases; for older
; ones put ChineseSimplified.isl (from Inno Setup's translations page) next to this file.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseMessages "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ChineseMessages AddBackslash(SourcePath) + "ChineseSimplified.isl"
#else
  #error ChineseSimplified.isl not found: see docs/installing.md, "Windows installer"
#endif

[Setup]
AppId={{BC9A0CFA-F14B-45FC-844C-2BE1369D80A6}
AppName=Inspector
AppVersion={#AppVersion}
AppVerName=Inspector {#AppVersion}
AppPublisher=Inspector developers
VersionInfoVersion={#AppVersion}
VersionInfoProductName=Inspector
DefaultDirName={autopf}\Inspector
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SourceDir={#SourceDir}
OutputDir=..
OutputBaseFilename=inspector-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=Inspector {#AppVersion}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "{#ChineseMessages}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AppTitle=社区教育督导检查
english.AppTitle=Inspector
chinesesimplified.RemoveData=是否同时删除以下文件夹中的全部检查记录、照片和备份？%n%n%1%n%n选择“否”将保留这些数据（推荐），重新安装后可以继续使用。
english.RemoveData=Also delete all inspections, photos and backups in%n%n%1%n%nChoose No to keep them (recommended): a later installation will use them again.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An update replaces the program's files wholesale: nothing of an older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:AppTitle}"; Filename: "{app}\{#AppExe}"; Comment: "Inspector {#AppVersion}"
Name: "{autodesktop}\{cm:AppTitle}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{cm:AppTitle}}"; Flags: nowait postinstall skipifsilent

[Code]
// The program keeps its data in platformdirs' user data directory, %LOCALAPPDATA%\inspector.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  DataDir := ExpandConstant('{localappdata}\inspector');
  if UninstallSilent or not DirExists(DataDir) then
    exit;
  if MsgBox(FmtMessage(CustomMessage('RemoveData'), [DataDir]),
            mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
    DelTree(ExpandConstant('{localappdata}\inspector'), True, True, True);
end;
