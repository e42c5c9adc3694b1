package vn.cungem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * Application nodes keep nothing another node would need: a sign-in's session is a row in the database, so a request
 * carrying the session cookie is recognised by whichever node reads that row.
 */
@IntegrationTest
class StatelessNodesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestFixtures fixtures;

    @Test
    void keepsTheSignedInSessionInTheDatabase() throws Exception {
        AccountDetails manager =
                fixtures.manager(fixtures.unit("Quận Phiên " + TestFixtures.unique(""), "district", null));

        MvcResult signIn = mvc.perform(post("/login")
                        .param("username", manager.email())
                        .param("password", TestFixtures.PASSWORD)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();

        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
                        .param(manager.email())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // Spring Session writes the cookie as a raw Set-Cookie header.
        String setCookie = signIn.getResponse().getHeader("Set-Cookie");
        assertThat(setCookie).startsWith("CUNGEM_SESSION=").contains("HttpOnly").contains("SameSite=Lax");
        String sessionId = setCookie.substring("CUNGEM_SESSION=".length(), setCookie.indexOf(';'));

        // Another "node": a request with only the cookie, resolved from the database row.
        mvc.perform(get("/dashboard").cookie(new Cookie("CUNGEM_SESSION", sessionId)))
                .andExpect(status().isOk());
    }
}
