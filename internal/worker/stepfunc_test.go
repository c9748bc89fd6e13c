package worker

import (
	"context"

	"sitrep/internal/news"
	"sitrep/internal/pipeline"
)

func stepFunc(name string, f func(context.Context, *news.Article) error) pipeline.Step {
	return pipeline.Step{Name: name, Stage: pipeline.StageFunc(f)}
}
