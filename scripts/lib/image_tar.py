"""Writes a directory as a single-layer image in the tarball format of `docker save` (what Jib reads as a
tar:// base image). Reproducible: sorted entries, owner root, fixed timestamps.

usage: image_tar.py ROOTFS OUTPUT.tar REPO:TAG [ENV=VALUE ...]
"""
import hashlib
import io
import json
import os
import sys
import tarfile


def layer_bytes(rootfs):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as layer:
        for directory, subdirs, files in os.walk(rootfs):
            subdirs.sort()
            for name in [""] + sorted(files) + sorted(d for d in subdirs if os.path.islink(os.path.join(directory, d))):
                path = os.path.join(directory, name) if name else directory
                relative = os.path.relpath(path, rootfs)
                if relative == ".":
                    continue
                info = layer.gettarinfo(path, arcname=relative)
                info.uid = info.gid = 0
                info.uname = info.gname = "root"
                info.mtime = 1
                if relative == "tmp":
                    info.mode = 0o1777
                if info.isfile():
                    with open(path, "rb") as content:
                        layer.addfile(info, content)
                else:
                    layer.addfile(info)
    return buffer.getvalue()


def main(rootfs, output, tag, env):
    layer = layer_bytes(rootfs)
    diff_id = "sha256:" + hashlib.sha256(layer).hexdigest()
    config = json.dumps({
        "architecture": "amd64",
        "os": "linux",
        "created": "1970-01-01T00:00:00Z",
        "config": {"Env": env, "WorkingDir": "/"},
        "rootfs": {"type": "layers", "diff_ids": [diff_id]},
        "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "scripts/jre-base-image.sh"}],
    }, sort_keys=True).encode()
    manifest = json.dumps([{"Config": "config.json", "RepoTags": [tag], "Layers": ["layer.tar"]}]).encode()
    with tarfile.open(output, "w") as image:
        for name, data in (("layer.tar", layer), ("config.json", config), ("manifest.json", manifest)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1
            image.addfile(info, io.BytesIO(data))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
