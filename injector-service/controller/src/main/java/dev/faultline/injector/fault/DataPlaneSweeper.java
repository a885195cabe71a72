package dev.faultline.injector.fault;

import jakarta.inject.Singleton;
import java.util.List;

/** The data plane's leftovers (toxics and rules) of a lease holder. */
@Singleton
public class DataPlaneSweeper implements LeftoverSweeper {

    private final DataPlanePort dataPlane;

    public DataPlaneSweeper(DataPlanePort dataPlane) {
        this.dataPlane = dataPlane;
    }

    @Override
    public String where() {
        return "the data plane";
    }

    @Override
    public List<String> sweep(String holder) {
        return dataPlane.release(holder);
    }

    @Override
    public boolean gone(String holder) {
        return dataPlane.leasesOf(holder).isEmpty();
    }
}
