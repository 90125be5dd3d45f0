package io.emfagent.it.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * A real HikariCP pool over an in-memory H2 database, its MBeans registered as an application would
 * have them: three connections held for a while, then given back.
 */
public class HikariApp {

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:bookings");
        config.setPoolName("bookings");
        config.setRegisterMbeans(true);
        config.setMaximumPoolSize(5);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            List<Connection> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                held.add(pool.getConnection());
            }
            System.err.println("holding 3");
            Thread.sleep(3_500);
            for (Connection connection : held) {
                connection.close();
            }
            System.err.println("released");
            Thread.sleep(2_500);
        }
    }
}
