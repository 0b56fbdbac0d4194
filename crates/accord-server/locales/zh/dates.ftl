date-day = { $year }年{ $month }月{ $day }日
date-time = { $date } { $time }
