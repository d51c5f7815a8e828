#!/usr/bin/env bash
# Assembles a minimal JRE base image from the local JDK, as a Docker-format image tarball Jib can build on
# (-Djib.base.image=tar://...), for machines that cannot pull eclipse-temurin (CI here: no registry but the
# package registries is reachable). Releases use the configurable default base image instead (operator/pom.xml,
# jib.base.image); this one is for building and checking the image offline.
#
# What goes in: a jlink'ed runtime of the modules the operator uses (jdeps on the shaded jar, plus the ones loaded
# through ServiceLoader that jdeps cannot see: EC crypto for TLS, extra charsets, the zip file system), the host's
# CA certificates, the glibc/zlib/libstdc++ shared libraries the runtime links against (found with ldd, not guessed)
# and a passwd/group naming the non-root user 65532 the image runs as.
#   scripts/jre-base-image.sh [output.tar]     default: target/jre-base/jre-base-<jdk version>.tar; prints the path
#   JAVA_HOME                                  the JDK to take the runtime from (needs jmods/)
set -euo pipefail
cd "$(dirname "$0")/.."
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
[ -d "$java_home/jmods" ] || { echo "jre-base-image: $java_home has no jmods/ (install a full JDK, e.g. openjdk-17-jdk)" >&2; exit 1; }
version=$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')
out=${1:-target/jre-base/jre-base-$version.tar}
if [ -s "$out" ]; then echo "$out"; exit 0; fi

modules=java.base,java.desktop,java.naming,java.net.http,java.rmi,java.security.jgss,java.sql,jdk.httpserver
modules=$modules,jdk.management,jdk.net,jdk.unsupported,java.logging
modules=$modules,jdk.crypto.ec,jdk.charsets,jdk.zipfs,jdk.naming.dns
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
jre=$root/opt/java/openjdk
mkdir -p "$root/opt/java" "$root/etc" "$root/tmp" "$root/lib64" "$root/lib/x86_64-linux-gnu"
echo "jre-base-image: jlink $version ($modules)" >&2
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$jre"
cp -L /etc/ssl/certs/java/cacerts "$jre/lib/security/cacerts" 2>/dev/null || true

# shared libraries: those of the launcher, the VM and every native library the operator can load (AWT's X11,
# sound and font libraries stay unresolved: java.desktop is there for java.beans only)
natives=("$jre/bin/java" "$jre/lib/server/libjvm.so")
for so in "$jre"/lib/*.so; do
  case $(basename "$so") in
    libawt_xawt.so|libfontmanager.so|libjavajpeg.so|libjawt.so|libjsound.so|liblcms.so|libmlib_image.so|libsplashscreen.so) ;;
    *) natives+=("$so") ;;
  esac
done
ldd "${natives[@]}" | awk '$2 == "=>" && $3 ~ /^\// && $3 !~ /openjdk/ {print $3}' | sort -u | while read -r lib; do
  cp -L "$lib" "$root/lib/x86_64-linux-gnu/$(basename "$lib")"
done
loader=$(ldd "$jre/bin/java" | awk '/ld-linux/ {print $1}')
cp -L "$loader" "$root/lib64/$(basename "$loader")"

printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' \
  > "$root/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$root/etc/group"
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"

mkdir -p "$(dirname "$out")"
python3 scripts/lib/image_tar.py "$root" "$out" "image-automation/jre-base:$version" \
  "PATH=/opt/java/openjdk/bin:/usr/bin:/bin" "JAVA_HOME=/opt/java/openjdk" "LANG=C.UTF-8"
echo "$out"
