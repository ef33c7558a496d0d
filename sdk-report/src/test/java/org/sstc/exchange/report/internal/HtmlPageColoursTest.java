package org.sstc.exchange.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlPageColoursTest {
  @Test
  void theGoalColoursAreTheUnOnes() {
    // The official colours (UN Department of Global Communications, SDG guidelines, May 2020).
    List<String> official = List.of("#E5243B", "#DDA63A", "#4C9F38", "#C5192D", "#FF3A21", "#26BDE2", "#FCC30B",
        "#A21942", "#FD6925", "#DD1367", "#FD9D24", "#BF8B2E", "#3F7E44", "#0A97D9", "#56C02B", "#00689D", "#19486A");
    Map<String, String[]> goals = HtmlPage.sdgGoals();
    assertEquals(17, goals.size());
    for (int goal = 1; goal <= 17; goal++) {
      assertEquals(official.get(goal - 1), goals.get(Integer.toString(goal))[1], "goal " + goal);
    }
    assertEquals("No poverty", goals.get("1")[0]);
    assertEquals("Zero hunger", goals.get("2")[0]);
  }
}
