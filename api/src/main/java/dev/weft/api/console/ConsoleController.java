package dev.weft.api.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console is static pages over the API; its address without a file name opens the sign-in page. */
@Controller
public class ConsoleController {

    @GetMapping({"/console", "/console/"})
    public String signIn() {
        return "forward:/console/index.html";
    }
}
