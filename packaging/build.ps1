# Build Inspector for Windows from a clean checkout: PyInstaller one-dir build,
# self-test, a portable .zip and (with Inno Setup 6 installed) the installer.
#
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1 -Python C:\Python313\python.exe
#
# Output in dist\: inspector\ (the program), inspector-VERSION-windows-x64.zip
# and inspector-VERSION-windows-x64-setup.exe. See docs\installing.md.
param(
    [string]$Python = "",
    [switch]$NoInstaller
)
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
$Build = Join-Path $Root "build\bundle"
$Dist = Join-Path $Root "dist"
$Venv = Join-Path $Build "venv"
$Check = Join-Path $Root "packaging\check_python.py"

function Say($Message) { Write-Host "==> $Message" }
function Fail($Message) { Write-Host "build.ps1: error: $Message" -ForegroundColor Red; exit 1 }
function Invoke-Checked {
    & $args[0] $args[1..($args.Count - 1)]
    if ($LASTEXITCODE -ne 0) { Fail "$($args -join ' ') failed (exit code $LASTEXITCODE)" }
}

# Frozen builds carry their own Python: CPython 3.11+ with the fix for CVE-2024-0450
# (zip bombs through overlapping members); check_python.py tests the fix itself.
function Test-Python($Candidate) {
    $version = & $Candidate $Check 2>$null
    return @{ Ok = ($LASTEXITCODE -eq 0); Version = $version }
}
if ($Python) {
    $result = Test-Python $Python
    if (-not $result.Ok) {
        Fail "$Python is Python $($result.Version): frozen builds need CPython 3.11+ with the fix for CVE-2024-0450 (3.11.9+, 3.12.3+ or 3.13+)."
    }
} else {
    foreach ($minor in "3.13", "3.12", "3.11") {
        $found = & py "-$minor" -c "import sys; print(sys.executable)" 2>$null
        if ($LASTEXITCODE -eq 0 -and $found -and (Test-Python $found).Ok) { $Python = $found; break }
    }
    if (-not $Python) {
        Fail "no suitable Python found: install CPython 3.13 (or 3.12.3+, 3.11.9+) from python.org, or pass -Python."
    }
}
Say "Python: $Python"

if (Test-Path $Build) { Remove-Item -Recurse -Force $Build }
if (Test-Path (Join-Path $Dist "inspector")) { Remove-Item -Recurse -Force (Join-Path $Dist "inspector") }
New-Item -ItemType Directory -Force $Build, $Dist | Out-Null

Say "Creating the build venv in $Build"
Invoke-Checked $Python -m venv $Venv
$VenvPython = Join-Path $Venv "Scripts\python.exe"
Say "Installing Inspector and PyInstaller into it"
Invoke-Checked $VenvPython -m pip install --quiet --disable-pip-version-check "$Root[build]"
$Version = & $VenvPython -c "from importlib.metadata import version; print(version('inspector'))"

Say "PyInstaller (one-dir)"
Push-Location $Build
try {
    Invoke-Checked (Join-Path $Venv "Scripts\pyinstaller.exe") --noconfirm --clean --log-level WARN `
        --distpath $Dist --workpath (Join-Path $Build "pyinstaller") (Join-Path $Root "packaging\inspector.spec")
    Say "Self-test of the built program"
    Invoke-Checked (Join-Path $Dist "inspector\inspector-cli.exe") --self-test
} finally {
    Pop-Location
}

$Zip = Join-Path $Dist "inspector-$Version-windows-x64.zip"
Say "Portable archive $Zip"
if (Test-Path $Zip) { Remove-Item -Force $Zip }
Compress-Archive -Path (Join-Path $Dist "inspector") -DestinationPath $Zip

if ($NoInstaller) { Say "Built $Dist\inspector (no installer: -NoInstaller)"; exit 0 }
$Iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
foreach ($candidate in "${env:LOCALAPPDATA}\Programs\Inno Setup 6\ISCC.exe",
                       "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
                       "${env:ProgramFiles}\Inno Setup 6\ISCC.exe") {
    if (-not $Iscc -and (Test-Path $candidate)) { $Iscc = $candidate }
}
if (-not $Iscc) { Fail "Inno Setup 6 (ISCC.exe) not found: install it, or run with -NoInstaller." }
Say "Installer (Inno Setup)"
Invoke-Checked $Iscc /Q "/DAppVersion=$Version" (Join-Path $Root "packaging\windows\inspector.iss")
$Size = "{0:N0} MB" -f ((Get-ChildItem -Recurse (Join-Path $Dist "inspector") | Measure-Object Length -Sum).Sum / 1MB)
Say "Built $Dist\inspector ($Size), $Zip and $Dist\inspector-$Version-windows-x64-setup.exe"
