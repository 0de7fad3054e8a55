@echo off
rem pylon.bat: starts the pylon4j command line of this distribution on Windows (bin\pylon.bat, jars in ..\lib).
rem Needs a Java 17 or newer runtime: %JAVA_HOME%\bin\java.exe if JAVA_HOME is set, else java.exe on PATH.
rem Extra JVM options: PYLON_OPTS. Usage: pylon --help
rem socketcan: is Linux only, so no JavaCAN JNI jar (lib\native) goes on the class path here.
setlocal
set "PYLON_HOME=%~dp0.."
if defined JAVA_HOME (
  set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA_EXE=java.exe"
)
"%JAVA_EXE%" -fullversion >nul 2>&1
if errorlevel 1 (
  echo pylon: no java: install a Java 17 or newer runtime or set JAVA_HOME 1>&2
  exit /b 1
)
rem "1.8.0_392", "9.0.4", "11.0.21", "16.0.2": anything before 17
"%JAVA_EXE%" -fullversion 2>&1 | findstr /r /c:"version \"1\." /c:"version \"9[^0-9]" /c:"version \"1[0-6][^0-9]" >nul
if not errorlevel 1 (
  echo pylon: needs Java 17 or newer; set JAVA_HOME to a newer one 1>&2
  exit /b 1
)
"%JAVA_EXE%" -XX:+UseSerialGC -Xmn8m -Xss512k -Xshare:auto -XX:TieredStopAtLevel=1 %PYLON_OPTS% ^
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.logFile=System.err ^
  -cp "%PYLON_HOME%\lib\*" io.pylon4j.samples.cli.PylonCli %*
exit /b %ERRORLEVEL%
