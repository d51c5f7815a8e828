package dev.imageautomation.git;

/** The automation's {@code git.commit.signingKey}: an OpenPGP or an SSH key. {@code toString} shows no key material. */
public sealed interface SigningKey {

    /**
     * An OpenPGP secret key ({@code git.asc}) and its passphrase ({@code passphrase}).
     *
     * @param armoredSecretKey ASCII-armoured secret key ring
     * @param passphrase passphrase of the key, or null when it is not protected
     */
    record OpenPgp(String armoredSecretKey, String passphrase) implements SigningKey {
        public OpenPgp {
            if (armoredSecretKey == null || armoredSecretKey.isBlank()) {
                throw new IllegalArgumentException("the OpenPGP signing key ('git.asc') is empty");
            }
        }

        @Override
        public String toString() {
            return "SigningKey.OpenPgp[***]";
        }
    }

    /**
     * An SSH private key ({@code identity}) and its passphrase ({@code password}); signatures are SSHSIG.
     *
     * @param privateKey OpenSSH or PEM private key
     * @param passphrase passphrase of the key, or null when it is not protected
     */
    record Ssh(String privateKey, String passphrase) implements SigningKey {
        public Ssh {
            if (privateKey == null || privateKey.isBlank()) {
                throw new IllegalArgumentException("the SSH signing key ('identity') is empty");
            }
        }

        @Override
        public String toString() {
            return "SigningKey.Ssh[***]";
        }
    }
}
