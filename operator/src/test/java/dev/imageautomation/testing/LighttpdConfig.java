package dev.imageautomation.testing;

import java.nio.file.Path;

/**
 * The lighttpd configuration for {@link GitServers}: smart HTTP via git-http-backend behind auth and TLS. Paths:
 * {@code /git/} (Basic, the test user), {@code /app/} (Basic, only {@code x-access-token} with the GitHub App
 * installation token), {@code /bearer/} (only the bearer token).
 */
final class LighttpdConfig {

    private static final String BACKEND = "/usr/lib/git-core/git-http-backend/";

    private LighttpdConfig() {
    }

    static String render(Path http, Path repositories, TestCertificates tls, int httpPort, int httpsPort,
            int mtlsPort, String bearerToken) {
        return """
            server.modules = ( "mod_access", "mod_alias", "mod_auth", "mod_authn_file", "mod_cgi", "mod_setenv", "mod_openssl" )
            server.bind = "127.0.0.1"
            server.port = %1$d
            server.document-root = "%2$s/www"
            server.errorlog = "%2$s/error.log"
            server.upload-dirs = ( "%2$s/tmp" )
            alias.url = ( "/git/" => "%3$s", "/bearer/" => "%3$s", "/app/" => "%3$s" )
            %11$s
            %12$s
            $HTTP["url"] =~ "^/bearer/" {
              cgi.assign = ( "" => "" )
              setenv.set-environment = ( "GIT_PROJECT_ROOT" => "%4$s", "GIT_HTTP_EXPORT_ALL" => "1",
                "GIT_CONFIG_COUNT" => "1", "GIT_CONFIG_KEY_0" => "http.receivepack", "GIT_CONFIG_VALUE_0" => "true" )
              $REQUEST_HEADER["Authorization"] != "Bearer %8$s" {
                url.access-deny = ( "" )
              }
            }
            $SERVER["socket"] == "127.0.0.1:%5$d" {
              ssl.engine = "enable"
              ssl.pemfile = "%6$s"
              ssl.privkey = "%7$s"
            }
            $SERVER["socket"] == "127.0.0.1:%9$d" {
              ssl.engine = "enable"
              ssl.pemfile = "%6$s"
              ssl.privkey = "%7$s"
              ssl.ca-file = "%10$s"
              ssl.verifyclient.activate = "enable"
              ssl.verifyclient.enforce = "enable"
            }
            """.formatted(httpPort, http, BACKEND, repositories, httpsPort, tls.serverCertificateFile(),
                tls.serverKeyFile(), bearerToken, mtlsPort, tls.caCertificateFile(),
                basicAuth("git", http.resolve("htpasswd"), repositories),
                basicAuth("app", http.resolve("htpasswd-app"), repositories));
    }

    /** Smart HTTP under {@code /<path>/} for the users of one htpasswd file. */
    private static String basicAuth(String path, Path users, Path repositories) {
        return """
            $HTTP["url"] =~ "^/%1$s/" {
              cgi.assign = ( "" => "" )
              setenv.set-environment = ( "GIT_PROJECT_ROOT" => "%2$s", "GIT_HTTP_EXPORT_ALL" => "1" )
              auth.backend = "htpasswd"
              auth.backend.htpasswd.userfile = "%3$s"
              auth.require = ( "" => ( "method" => "basic", "realm" => "git", "require" => "valid-user" ) )
            }
            """.formatted(path, repositories, users);
    }
}
