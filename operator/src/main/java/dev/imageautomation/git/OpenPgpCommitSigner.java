package dev.imageautomation.git;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Iterator;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.Signer;
import org.eclipse.jgit.transport.CredentialsProvider;

/**
 * Signs commits with an OpenPGP key held in memory. JGit's {@code gpg.bc} signer only finds keys in a GnuPG home
 * directory chosen once per JVM, so it cannot take a per-automation armoured key; this signer does the same
 * BouncyCastle work (lightweight API, no JCA provider registration) on the key it is given.
 */
final class OpenPgpCommitSigner implements Signer {

    private final PGPSecretKey secretKey;
    private final PGPPrivateKey privateKey;

    OpenPgpCommitSigner(SigningKey.OpenPgp key) {
        this.secretKey = findSigningKey(readKeyRing(key.armoredSecretKey()));
        this.privateKey = unlock(secretKey, key.passphrase());
    }

    @Override
    public GpgSignature sign(Repository repository, GpgConfig config, byte[] data, PersonIdent committer,
            String signingKey, CredentialsProvider credentials) throws IOException {
        try {
            PGPPublicKey publicKey = secretKey.getPublicKey();
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(publicKey.getAlgorithm(), HashAlgorithmTags.SHA256), publicKey);
            generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
            PGPSignatureSubpacketGenerator subpackets = new PGPSignatureSubpacketGenerator();
            subpackets.setSignatureCreationTime(false, Date.from(committer.getWhenAsInstant()));
            subpackets.setIssuerFingerprint(false, publicKey);
            subpackets.setIssuerKeyID(false, publicKey.getKeyID());
            generator.setHashedSubpackets(subpackets.generate());
            generator.update(data);
            return new GpgSignature(armor(generator.generate()));
        } catch (PGPException e) {
            throw new IOException("OpenPGP signing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean canLocateSigningKey(Repository repository, GpgConfig config, PersonIdent committer,
            String signingKey, CredentialsProvider credentials) {
        return true;
    }

    private static byte[] armor(PGPSignature signature) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(buffer);
                BCPGOutputStream out = new BCPGOutputStream(armored)) {
            signature.encode(out);
        }
        return buffer.toByteArray();
    }

    private static PGPSecretKeyRing readKeyRing(String armored) {
        try {
            PGPSecretKeyRingCollection rings = new PGPSecretKeyRingCollection(
                    PGPUtil.getDecoderStream(new ByteArrayInputStream(armored.getBytes(StandardCharsets.UTF_8))),
                    new BcKeyFingerprintCalculator());
            Iterator<PGPSecretKeyRing> iterator = rings.getKeyRings();
            if (!iterator.hasNext()) {
                throw new IllegalArgumentException("the OpenPGP signing key ('git.asc') contains no secret key");
            }
            return iterator.next();
        } catch (IOException | PGPException e) {
            throw new IllegalArgumentException("the OpenPGP signing key ('git.asc') cannot be read: not an armoured secret key");
        }
    }

    /** Like gpg: a signing-capable subkey wins over the primary key; the primary key signs when no subkey can. */
    private static PGPSecretKey findSigningKey(PGPSecretKeyRing ring) {
        PGPSecretKey primary = null;
        PGPSecretKey subkey = null;
        for (PGPSecretKey candidate : ring) {
            if (candidate.isPrivateKeyEmpty() || !candidate.isSigningKey()) {
                continue;
            }
            if (candidate.isMasterKey()) {
                primary = candidate;
            } else if (subkey == null && allowsSigning(candidate.getPublicKey())) {
                subkey = candidate;
            }
        }
        if (subkey != null) {
            return subkey;
        }
        if (primary != null) {
            return primary;
        }
        throw new IllegalArgumentException("the OpenPGP signing key ('git.asc') has no secret key that can sign");
    }

    private static boolean allowsSigning(PGPPublicKey key) {
        var signatures = key.getSignatures();
        while (signatures.hasNext()) {
            PGPSignature signature = signatures.next();
            if (signature.getHashedSubPackets() != null
                    && (signature.getHashedSubPackets().getKeyFlags() & KeyFlags.SIGN_DATA) != 0) {
                return true;
            }
        }
        return false;
    }

    private static PGPPrivateKey unlock(PGPSecretKey key, String passphrase) {
        char[] secret = passphrase == null ? new char[0] : passphrase.toCharArray();
        try {
            return key.extractPrivateKey(
                    new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(secret));
        } catch (PGPException e) {
            throw new IllegalArgumentException(
                    "the OpenPGP signing key cannot be unlocked: the 'passphrase' is wrong or missing");
        }
    }
}
