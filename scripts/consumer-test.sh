#!/usr/bin/env bash
# Consumer test: proves the packages work when referenced as NuGet packages, which the solution's project
# references cannot. Packs LoanWebhooks.Sdk, .AspNetCore and .Testing into a temporary folder as 0.0.0-consumer,
# creates a fresh ASP.NET Core app outside the repository that references them by version (no project
# reference), whose Program.cs is the README's quick start verbatim (scripts/consumer/QuickStart.cs.txt, which
# README.md must contain exactly), starts it on 127.0.0.1, posts the documented Payitoff loan.paid_off sample
# with Basic authentication, and checks the answer is 200 and the quick start's handler ran. It also installs the
# packed loanwebhooks tool (dotnet tool install from the folder) and runs it as a process on that sample.
# Usage: bash scripts/consumer-test.sh   (about a minute; loopback only; every wait is bounded)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo="$PWD"
started=$SECONDS
version=0.0.0-consumer
quick_start="$repo/scripts/consumer/QuickStart.cs.txt"

# 1. The README shows exactly the code this test compiles and runs.
readme="$(<"$repo/README.md")"
snippet="$(<"$quick_start")"
if [[ "$readme" != *"$snippet"* ]]; then
  echo "README.md does not contain scripts/consumer/QuickStart.cs.txt verbatim: paste that file into the README's" >&2
  echo "quick start (or change both), so the quick start users copy is the one this test builds and runs." >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/loanwebhooks-consumer.XXXXXX")"
app_pid=""
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# 2. Pack. The libraries are built once in Release (a no-op after scripts/test.sh), then packed under the test
#    version without rebuilding them.
feed="$work/packages"
dotnet build src/LoanWebhooks.Sdk.AspNetCore -c Release -nologo -v q
dotnet build src/LoanWebhooks.Sdk.Testing -c Release -nologo -v q
dotnet build src/LoanWebhooks.Tool -c Release -nologo -v q
for project in LoanWebhooks.Sdk LoanWebhooks.Sdk.AspNetCore LoanWebhooks.Sdk.Testing LoanWebhooks.Tool; do
  dotnet pack "src/$project" -c Release --no-build -nologo -v q -p:Version="$version" -o "$feed"
done

# The generator ships inside the package as an analyzer (for providers of your own), never as a dependency: the
# packed LoanWebhooks.Sdk must depend on no generator or Roslyn package (README: "Consumers of the package install
# nothing extra"), and carry the generator only under analyzers/dotnet/cs.
sdk_nuspec="$(unzip -p "$feed/LoanWebhooks.Sdk.$version.nupkg" LoanWebhooks.Sdk.nuspec)"
if grep -Eiq 'dependency id="(LoanWebhooks\.Sdk\.Generators|Microsoft\.CodeAnalysis)' <<<"$sdk_nuspec"; then
  echo "The packed LoanWebhooks.Sdk depends on the generator or Roslyn; consumers would install them:" >&2
  grep -Ei 'dependency id=' <<<"$sdk_nuspec" >&2
  exit 1
fi
generator_entries="$(unzip -Z1 "$feed/LoanWebhooks.Sdk.$version.nupkg" | grep 'LoanWebhooks.Sdk.Generators.dll' || true)"
if [ "$generator_entries" != "analyzers/dotnet/cs/LoanWebhooks.Sdk.Generators.dll" ]; then
  echo "The packed LoanWebhooks.Sdk must carry the generator once, under analyzers/dotnet/cs; it has: ${generator_entries:-nothing}" >&2
  exit 1
fi

# A package of this version restored before is cached under the same version: forget it, so the restore below
# takes the packages just packed.
global_packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
for package in loanwebhooks.sdk loanwebhooks.sdk.aspnetcore loanwebhooks.sdk.testing loanwebhooks.tool; do
  rm -rf "${global_packages:?}/$package/$version"
done

# 3. A fresh app outside the repository: its own nuget.config (the local folder, plus the repository's package
#    source for what the packages depend on), no Directory.*.props above it.
mirror="$(sed -n 's/.*<add key="[^"]*" value="\([^"]*\)".*/\1/p' "$repo/nuget.config" | head -n 1)"
cat > "$work/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="upstream" value="$mirror" />
  </packageSources>
</configuration>
EOF
echo '{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature" } }' > "$work/global.json"

mkdir "$work/app" "$work/sender"
cat > "$work/app/ConsumerApp.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="LoanWebhooks.Sdk.AspNetCore" Version="$version" />
    <PackageReference Include="LoanWebhooks.Sdk.Testing" Version="$version" />
  </ItemGroup>
</Project>
EOF
cp "$quick_start" "$work/app/Program.cs"

# The sender takes the sample from the Testing package (Payitoff's documented samples have placeholders that
# the package expands), so that package is used as a package too.
cat > "$work/sender/Sender.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="LoanWebhooks.Sdk.Testing" Version="$version" />
  </ItemGroup>
</Project>
EOF
cp "$repo/scripts/consumer/Sender.cs.txt" "$work/sender/Program.cs"

dotnet build "$work/app" -c Release -nologo -v q -o "$work/app/out"
dotnet build "$work/sender" -c Release -nologo -v q -o "$work/sender/out"
dotnet "$work/sender/out/Sender.dll" payitoff loan.paid_off "$work/loan.paid_off.json"

# 3b. A provider of the user's own, from the package alone: the custom-provider sample's schemas in a fresh project,
#     the generator running as the package's analyzer, and the generated parser compiled against the SDK's public
#     surface (no project reference, no InternalsVisibleTo).
mkdir -p "$work/custom/schemas"
cp -r "$repo/samples/LoanWebhooks.Samples.CustomProvider/schemas/harbor" "$work/custom/schemas/"
cat > "$work/custom/CustomProvider.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="LoanWebhooks.Sdk" Version="$version" />
    <AdditionalFiles Include="schemas/harbor/**/*.json" />
  </ItemGroup>
</Project>
EOF
cat > "$work/custom/Program.cs" <<'CSHARP'
using LoanWebhooks.Samples.CustomProvider.Harbor;

var body = """{"id":"evt_1","type":"loan.funded","data":{"loan_id":"ln_1","principal":100.5,"funded_at":"2026-11-02T09:30:00Z"}}"""u8.ToArray();
var funded = (HarborLoanFundedEvent)HarborWebhookParser.Default.Parse(body);
Console.WriteLine($"{HarborWebhooks.Provider} {funded.GetType().Name} {funded.IdempotencyKey}");
CSHARP
dotnet build "$work/custom" -c Release -nologo -v q -o "$work/custom/out"
custom_output="$(dotnet "$work/custom/out/CustomProvider.dll")"
if [ "$custom_output" != "Harbor HarborLoanFundedEvent evt_1" ]; then
  echo "A provider of the user's own did not parse through the package's generator: $custom_output" >&2
  exit 1
fi

# 4. Start it on a free loopback port (Kestrel picks it), with the credentials the quick start reads.
receeve_key="$(openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null | openssl pkey -pubout)"
user="consumer-test"
password="$(openssl rand -hex 16)"
(
  cd "$work/app/out"
  exec env Payitoff__User="$user" Payitoff__Password="$password" \
    Canopy__Secret="$(openssl rand -hex 16)" Spinwheel__Secret="$(openssl rand -hex 16)" \
    Receeve__PublicKey="$receeve_key" \
    dotnet ConsumerApp.dll --urls http://127.0.0.1:0
) > "$work/app.log" 2>&1 &
app_pid=$!

url=""
for _ in $(seq 1 300); do
  url="$(sed -n 's/.*Now listening on: \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$work/app.log" | head -n 1)"
  if [ -n "$url" ]; then break; fi
  if ! kill -0 "$app_pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "The consumer app did not start listening within 30 s:" >&2
  cat "$work/app.log" >&2
  exit 1
fi

# 5. A genuine delivery: 200, and the quick start's handler ran.
status="$(curl --silent --show-error --max-time 20 --output /dev/null --write-out '%{http_code}' \
  --user "$user:$password" -H 'Content-Type: application/json' \
  --data-binary "@$work/loan.paid_off.json" "$url/webhooks/payitoff")"
handled=no
for _ in $(seq 1 50); do
  if grep -q "Loan paid off (delivery" "$work/app.log"; then handled=yes; break; fi
  sleep 0.1
done
# A wrong password is refused (503 by default: a status a provider retries) and runs no handler.
refused="$(curl --silent --show-error --max-time 20 --output /dev/null --write-out '%{http_code}' \
  --user "$user:wrong-$password" -H 'Content-Type: application/json' \
  --data-binary "@$work/loan.paid_off.json" "$url/webhooks/payitoff")"

if [ "$status" != 200 ] || [ "$handled" != yes ] || [ "$refused" != 503 ] \
  || [ "$(grep -c "Loan paid off (delivery" "$work/app.log")" != 1 ]; then
  echo "Consumer test failed: genuine delivery answered $status (want 200), handler ran: $handled;" >&2
  echo "wrong password answered $refused (want 503). App log:" >&2
  cat "$work/app.log" >&2
  exit 1
fi

# 6. The tool, installed as a user installs it, run as a process: the same request verifies, a wrong password does not
#    (exit 1), and neither password is printed.
dotnet tool install --tool-path "$work/tool" --configfile "$work/nuget.config" LoanWebhooks.Tool --version "$version" >/dev/null
printf 'Authorization: Basic %s\n' "$(printf '%s:%s' "$user" "$password" | base64 -w0)" > "$work/headers.txt"
tool_output="$("$work/tool/loanwebhooks" verify --provider payitoff --body "$work/loan.paid_off.json" \
  --headers "$work/headers.txt" --secret "$user:$password")"
set +e
wrong_output="$("$work/tool/loanwebhooks" verify --provider payitoff --body "$work/loan.paid_off.json" \
  --headers "$work/headers.txt" --secret "$user:wrong-$password")"
wrong_exit=$?
set -e
if [ "$tool_output" != "payitoff: verified" ] || [ "$wrong_exit" != 1 ] \
  || [[ "$wrong_output" != *"reason: InvalidCredential"* ]] || [[ "$tool_output$wrong_output" == *"$password"* ]]; then
  echo "The installed loanwebhooks tool did not answer as expected (exit $wrong_exit for a wrong password, want 1):" >&2
  printf '%s\n---\n%s\n' "$tool_output" "$wrong_output" | sed "s/$password/(password)/g" >&2
  exit 1
fi

echo "Consumer test passed in $((SECONDS - started)) s: packages $version restored by version into a fresh app," \
  "README quick start built and answered 200, its handler ran once, a wrong password was refused;" \
  "the installed loanwebhooks tool verified the same request; a project's own schemas became typed events through the package's generator."
