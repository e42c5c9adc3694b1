package vn.cungem;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.testsupport.IntegrationTest;

@IntegrationTest
class ApplicationStartsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void servesTheSignInPageInVietnameseWithSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Đăng nhập")))
                .andExpect(header().exists("Content-Security-Policy"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void switchesToEnglishOnRequest() throws Exception {
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Sign in")));
    }
}
